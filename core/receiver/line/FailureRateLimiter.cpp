#include "core/receiver/line/FailureRateLimiter.h"

#include "core/receiver/http/ClientAddress.h"

#include <algorithm>
#include <cmath>

namespace mado {

std::string FailureRateLimiter::keyOf(const std::string &host)
{
    return ClientAddress::bucketOf(host);
}

FailureRateLimiter::Bucket &FailureRateLimiter::refilled(const std::string &address, qint64 nowMs)
{
    auto found = m_buckets.find(address);
    if (found == m_buckets.end()) {
        makeRoom(nowMs);
        found = m_buckets.emplace(address, Bucket{double(m_burst), nowMs}).first;
    }
    Bucket &bucket = found->second;
    if (nowMs > bucket.updatedMs) {
        bucket.tokens =
            std::min(double(m_burst), bucket.tokens + double(nowMs - bucket.updatedMs) * m_perMinute / 60000.0);
        bucket.updatedMs = nowMs;
    }
    return bucket;
}

void FailureRateLimiter::makeRoom(qint64 nowMs)
{
    if (m_buckets.size() < m_maxAddresses)
        return;
    // Buckets that have refilled completely carry no information: drop them all.
    const double perMs = m_perMinute / 60000.0;
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (it->second.tokens + double(nowMs - it->second.updatedMs) * perMs >= m_burst)
            it = m_buckets.erase(it);
        else
            ++it;
    }
    if (m_buckets.size() < m_maxAddresses)
        return;
    const auto oldest = std::min_element(m_buckets.begin(), m_buckets.end(), [](const auto &a, const auto &b) {
        return a.second.updatedMs < b.second.updatedMs;
    });
    m_buckets.erase(oldest);
}

int FailureRateLimiter::retryAfterSeconds(const std::string &address, qint64 nowMs)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_buckets.find(address) == m_buckets.end())
        return 0; // a full bucket, not created until a failure
    const Bucket &bucket = refilled(address, nowMs);
    if (bucket.tokens >= 1.0)
        return 0;
    if (m_perMinute <= 0)
        return 3600;
    const double missingMs = (1.0 - bucket.tokens) * 60000.0 / m_perMinute;
    return std::max(1, int(std::ceil(missingMs / 1000.0)));
}

void FailureRateLimiter::failed(const std::string &address, qint64 nowMs)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    Bucket &bucket = refilled(address, nowMs);
    bucket.tokens = std::max(0.0, bucket.tokens - 1.0);
}

} // namespace mado
