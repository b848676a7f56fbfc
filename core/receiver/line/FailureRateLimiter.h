#pragma once

#include <QtGlobal>

#include <map>
#include <mutex>
#include <string>

namespace mado {

// A token bucket per client address for failed ID token verifications: each address may fail
// `burst` times at once and then once per 60 / perMinute seconds. allowed() says whether a call
// from the address may go to LINE now (else how many seconds until it may); failed() takes a
// token. Successful calls take none, so a resident with a good token is never slowed down. At
// most maxAddresses buckets: when full, full (idle) buckets are dropped first, then the oldest.
// Times are milliseconds since the epoch (tests pass their own). Thread-safe; cannot fail.
class FailureRateLimiter {
public:
    FailureRateLimiter(int burst, int perMinute, int maxAddresses = 100'000)
        : m_burst(burst), m_perMinute(perMinute), m_maxAddresses(maxAddresses)
    {
    }

    // 0 when the address has a token left, else the whole seconds (at least 1) until it has one.
    int retryAfterSeconds(const std::string &address, qint64 nowMs);
    void failed(const std::string &address, qint64 nowMs);

    // The bucket key of a peer: the address itself for IPv4, its /64 prefix for IPv6 (one
    // subscriber usually holds a whole /64).
    static std::string keyOf(const std::string &host);

private:
    struct Bucket {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    Bucket &refilled(const std::string &address, qint64 nowMs);
    void makeRoom(qint64 nowMs);

    std::mutex m_mutex;
    int m_burst;
    int m_perMinute;
    std::size_t m_maxAddresses;
    std::map<std::string, Bucket> m_buckets;
};

} // namespace mado
