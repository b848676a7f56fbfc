#pragma once

#include "core/domain/Result.h"

#include <QString>

#include <string>
#include <string_view>
#include <vector>

namespace Poco::Net {
class HTTPServerRequest;
class IPAddress;
} // namespace Poco::Net

namespace mado {

class HttpRequestHead;

// Who the client of a request is: the one place the receiver decides it (the cap on hand-overs per
// address, the rate limit on failed ID tokens, log lines). By default the socket's peer. Only when
// the peer is a configured trusted proxy (front.trusted_proxies: addresses and CIDR ranges) is the
// configured forwarding header (X-Forwarded-For, or RFC 7239 Forwarded: never both, since a proxy
// that appends to one passes the other through from the client unchanged) read, from its right end:
// each hop a trusted proxy added is skipped, and the first hop that is not a trusted proxy is the
// client (every hop trusted: the left-most). A hop that is not an IP address ("unknown", a name,
// garbage) ends the walk at the trusted hop to its right, so a client cannot choose its own
// address. IPv4-mapped IPv6 peers count as their IPv4 address. Immutable once made; any thread.
class ClientAddress {
public:
    enum class Header { XForwardedFor, Forwarded };

    // No trusted proxies: the peer is the client.
    ClientAddress();
    ~ClientAddress();
    ClientAddress(const ClientAddress &);
    ClientAddress &operator=(const ClientAddress &);
    // list: addresses or CIDR ranges separated by commas or spaces (empty: none); header: which
    // forwarding header the proxies set. InvalidArgument naming the bad entry.
    static Result<ClientAddress> make(const QString &list, Header header = Header::XForwardedFor);
    static Result<Header> headerNamed(const QString &name);

    bool trusts(const std::string &host) const;
    bool trustsAnyProxy() const { return !m_ranges.empty(); }
    Header header() const { return m_header; }
    // The header's field name in lower case ("x-forwarded-for" or "forwarded").
    std::string_view headerName() const;

    // The client of a request from peerHost whose forwarding header fields (every field of that
    // name, in order) are values.
    std::string resolve(const std::string &peerHost, const std::vector<std::string_view> &values) const;
    // The same for a request head read by the webhook front, and for a Poco request.
    std::string resolve(const std::string &peerHost, const HttpRequestHead &head) const;
    std::string resolve(const Poco::Net::HTTPServerRequest &request) const;

    // The peer address of a connected socket (IPv4-mapped IPv6 as IPv4); empty if unknown.
    static std::string peerOf(int socket);
    // The key under which limits count an address: the address for IPv4, its /64 for IPv6 (one
    // subscriber usually holds a whole /64); text that is no address is its own key.
    static std::string bucketOf(const std::string &host);

private:
    struct Range;
    std::vector<Range> m_ranges;
    Header m_header = Header::XForwardedFor;
};

} // namespace mado
