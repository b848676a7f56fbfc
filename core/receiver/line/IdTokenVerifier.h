#pragma once

#include "core/domain/Result.h"
#include "core/receiver/line/FailureRateLimiter.h"
#include "core/receiver/line/IdTokenCache.h"

#include <QString>

#include <atomic>

#include <string>

namespace mado {

// Verifies a LIFF ID token with LINE: POST {api_base}/oauth2/v2.1/verify (id_token, client_id)
// and returns the LINE user id ("sub") of the verified answer. Refuses (ErrorCode::Unauthorized) a
// token LINE rejects, one issued to another channel (aud) or one already expired (exp).
// A verified token is cached (IdTokenCache, by its SHA-256) until its exp, so repeated calls with
// it cost LINE nothing. Failed verifications are limited per client address (FailureRateLimiter):
// past the limit the call fails with RateLimited without asking LINE. A call to LINE that gets no
// answer, or 429 or 5xx (LINE limiting or failing, not the resident's fault), is ErrorCode::Network
// (the caller answers 503, not 401) and counts as no failure; for lineBackoffSeconds after a 429
// or 5xx, tokens not in the cache get that answer without a call. retryAfterSeconds, when given, is set
// for RateLimited and Network. Never logs the token. Thread-safe.
class IdTokenVerifier {
public:
    // Seconds a client is told to wait after LINE failed or limited us.
    static constexpr int kLineRetryAfterSeconds = 5;
    struct Limits {
        int cacheEntries = 10000;
        int failureBurst = 10;
        int failuresPerMinute = 6;
        // After LINE answered 429 or 5xx, tokens not in the cache are answered 503 for so long
        // without asking LINE again (it is limiting or failing; more calls would only prolong it).
        int lineBackoffSeconds = kLineRetryAfterSeconds;
    };

    IdTokenVerifier(QString apiBase, QString channelId)
        : IdTokenVerifier(std::move(apiBase), std::move(channelId), Limits{})
    {
    }
    IdTokenVerifier(QString apiBase, QString channelId, Limits limits)
        : m_apiBase(std::move(apiBase)), m_channelId(std::move(channelId)), m_cache(limits.cacheEntries),
          m_failures(limits.failureBurst, limits.failuresPerMinute), m_lineBackoffMs(limits.lineBackoffSeconds * 1000)
    {
    }
    // clientAddress: the peer's IP address (FailureRateLimiter::keyOf groups IPv6 by /64).
    Result<QString> verify(const QString &idToken, const std::string &clientAddress = std::string(),
                           int *retryAfterSeconds = nullptr);

    const IdTokenCache &cache() const { return m_cache; }

private:
    Result<QString> askLine(const QString &idToken, qint64 &expiresAt, int *retryAfterSeconds);

    QString m_apiBase;
    QString m_channelId;
    IdTokenCache m_cache;
    FailureRateLimiter m_failures;
    int m_lineBackoffMs;
    std::atomic<qint64> m_lineBackoffUntilMs{0};
};

} // namespace mado
