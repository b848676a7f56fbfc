#include "core/receiver/http/ClientAddress.h"

#include "core/receiver/http/HttpRequestHead.h"
#include "core/receiver/http/HttpText.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/NetException.h>
#include <Poco/String.h>

#include <QRegularExpression>
#include <QStringList>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <optional>

namespace mado {

struct ClientAddress::Range {
    Poco::Net::IPAddress network; // masked
    Poco::Net::IPAddress mask;
};

namespace {

using Poco::Net::IPAddress;

std::optional<IPAddress> parseAddress(std::string_view text)
{
    if (text.empty() || text.size() > 64)
        return std::nullopt;
    IPAddress address;
    if (!IPAddress::tryParse(std::string(text), address))
        return std::nullopt;
    if (address.family() == IPAddress::IPv6 && address.isIPv4Mapped())
        return IPAddress(static_cast<const unsigned char *>(address.addr()) + 12, 4);
    return address;
}

// The address of one hop as a forwarding header writes it: "192.0.2.1", "192.0.2.1:4711",
// "2001:db8::1", "[2001:db8::1]:4711", quoted or not. nullopt for anything else.
std::optional<IPAddress> hopAddress(std::string_view hop)
{
    hop = HttpText::trim(hop);
    if (hop.size() >= 2 && hop.front() == '"' && hop.back() == '"')
        hop = hop.substr(1, hop.size() - 2);
    if (!hop.empty() && hop.front() == '[') {
        const std::size_t close = hop.find(']');
        if (close == std::string_view::npos)
            return std::nullopt;
        return parseAddress(hop.substr(1, close - 1));
    }
    if (const std::size_t colon = hop.find(':');
        colon != std::string_view::npos && hop.find(':', colon + 1) == std::string_view::npos)
        hop = hop.substr(0, colon); // IPv4 with a port
    return parseAddress(hop);
}

// The hops of X-Forwarded-For values ("client, proxy1, proxy2"), left to right.
void xForwardedForHops(std::string_view value, std::vector<std::string_view> &hops)
{
    while (true) {
        const std::size_t comma = value.find(',');
        hops.push_back(HttpText::trim(value.substr(0, comma)));
        if (comma == std::string_view::npos)
            return;
        value.remove_prefix(comma + 1);
    }
}

// The for= parameters of Forwarded values (RFC 7239: elements by ',', pairs by ';'); an element
// without for= is a hop of unknown address.
void forwardedHops(std::string_view value, std::vector<std::string_view> &hops)
{
    std::vector<std::string_view> elements;
    xForwardedForHops(value, elements); // the same comma split (a quoted for= value holds none)
    for (std::string_view element : elements) {
        std::string_view found;
        while (!element.empty()) {
            const std::size_t semicolon = element.find(';');
            const std::string_view pair = HttpText::trim(element.substr(0, semicolon));
            if (pair.size() > 4 && Poco::icompare(std::string(pair.substr(0, 4)), "for=") == 0)
                found = pair.substr(4);
            if (semicolon == std::string_view::npos)
                break;
            element.remove_prefix(semicolon + 1);
        }
        hops.push_back(found);
    }
}

} // namespace

ClientAddress::ClientAddress() = default;
ClientAddress::~ClientAddress() = default;
ClientAddress::ClientAddress(const ClientAddress &) = default;
ClientAddress &ClientAddress::operator=(const ClientAddress &) = default;

Result<ClientAddress> ClientAddress::make(const QString &list, Header header)
{
    ClientAddress result;
    result.m_header = header;
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    for (const QString &entry : list.split(separators, Qt::SkipEmptyParts)) {
        const qsizetype slash = entry.indexOf(QLatin1Char('/'));
        const auto address = parseAddress(entry.left(slash).toStdString());
        const unsigned bits = address && address->family() == IPAddress::IPv4 ? 32 : 128;
        bool prefixOk = true;
        const unsigned prefix = slash < 0 ? bits : entry.mid(slash + 1).toUInt(&prefixOk);
        if (!address || !prefixOk || prefix > bits)
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("front.trusted_proxies: '%1' is not an IP address or CIDR range "
                                        "(such as 192.0.2.10, 10.0.0.0/8 or 2001:db8::/32)")
                             .arg(entry)};
        const IPAddress mask(prefix, address->family());
        result.m_ranges.push_back(Range{*address & mask, mask});
    }
    return result;
}

Result<ClientAddress::Header> ClientAddress::headerNamed(const QString &name)
{
    if (name.compare(QLatin1String("x-forwarded-for"), Qt::CaseInsensitive) == 0)
        return Header::XForwardedFor;
    if (name.compare(QLatin1String("forwarded"), Qt::CaseInsensitive) == 0)
        return Header::Forwarded;
    return Error{ErrorCode::InvalidArgument,
                 QStringLiteral("front.forwarded_header must be x-forwarded-for or forwarded, got '%1'").arg(name)};
}

std::string_view ClientAddress::headerName() const
{
    return m_header == Header::Forwarded ? std::string_view("forwarded") : std::string_view("x-forwarded-for");
}

bool ClientAddress::trusts(const std::string &host) const
{
    const auto address = parseAddress(host);
    if (!address)
        return false;
    for (const Range &range : m_ranges) {
        if (range.network.family() == address->family() && (*address & range.mask) == range.network)
            return true;
    }
    return false;
}

std::string ClientAddress::resolve(const std::string &peerHost, const std::vector<std::string_view> &values) const
{
    const auto peer = parseAddress(peerHost);
    std::string client = peer ? peer->toString() : peerHost;
    if (m_ranges.empty() || values.empty() || !trusts(client))
        return client;
    std::vector<std::string_view> hops;
    for (const std::string_view value : values) {
        if (m_header == Header::Forwarded)
            forwardedHops(value, hops);
        else
            xForwardedForHops(value, hops);
    }
    // From the right: the hop each trusted proxy reports.
    for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
        const auto address = hopAddress(*hop);
        if (!address)
            return client; // not an address: the proxy that reported it is the last we know
        client = address->toString();
        if (!trusts(client))
            return client;
    }
    return client;
}

std::string ClientAddress::resolve(const std::string &peerHost, const HttpRequestHead &head) const
{
    return resolve(peerHost, head.fields(headerName()));
}

std::string ClientAddress::resolve(const Poco::Net::HTTPServerRequest &request) const
{
    std::vector<std::string_view> values;
    const std::string name(headerName());
    for (const auto &[field, value] : request) {
        if (Poco::icompare(field, name) == 0)
            values.emplace_back(value);
    }
    return resolve(request.clientAddress().host().toString(), values);
}

std::string ClientAddress::peerOf(int socket)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (::getpeername(socket, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return {};
    char text[INET6_ADDRSTRLEN] = {};
    if (storage.ss_family == AF_INET) {
        const auto *in = reinterpret_cast<const sockaddr_in *>(&storage);
        ::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    } else if (storage.ss_family == AF_INET6) {
        const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(&storage);
        ::inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    } else {
        return {};
    }
    const auto address = parseAddress(text);
    return address ? address->toString() : std::string(text);
}

std::string ClientAddress::bucketOf(const std::string &host)
{
    const auto address = parseAddress(host);
    if (!address)
        return host; // not an address (a test's name): the text itself is the key
    if (address->family() == IPAddress::IPv6)
        return (*address & IPAddress(64, IPAddress::IPv6)).toString() + "/64";
    return address->toString();
}

} // namespace mado
