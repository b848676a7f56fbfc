#include "core/receiver/line/IdTokenCache.h"

#include <QCryptographicHash>

namespace mado {

QByteArray IdTokenCache::keyOf(const QString &idToken)
{
    return QCryptographicHash::hash(idToken.toUtf8(), QCryptographicHash::Sha256);
}

std::optional<QString> IdTokenCache::find(const QString &idToken, qint64 nowSecs)
{
    const QByteArray key = keyOf(idToken);
    std::lock_guard<std::mutex> lock(m_mutex);
    const auto found = m_entries.find(key);
    if (found == m_entries.end())
        return std::nullopt;
    if (found->second.expiresAt <= nowSecs) {
        erase(found);
        return std::nullopt;
    }
    return found->second.userId;
}

void IdTokenCache::insert(const QString &idToken, const QString &userId, qint64 expiresAtSecs, qint64 nowSecs)
{
    if (m_maxEntries <= 0 || expiresAtSecs <= nowSecs)
        return;
    const QByteArray key = keyOf(idToken);
    std::lock_guard<std::mutex> lock(m_mutex);
    if (const auto found = m_entries.find(key); found != m_entries.end())
        erase(found);
    while (!m_byExpiry.empty() && (int(m_entries.size()) >= m_maxEntries || m_byExpiry.begin()->first <= nowSecs))
        erase(m_entries.find(m_byExpiry.begin()->second));
    m_entries.emplace(key, Entry{userId, expiresAtSecs});
    m_byExpiry.emplace(expiresAtSecs, key);
}

int IdTokenCache::size() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return int(m_entries.size());
}

void IdTokenCache::erase(std::map<QByteArray, Entry>::iterator it)
{
    m_byExpiry.erase({it->second.expiresAt, it->first});
    m_entries.erase(it);
}

} // namespace mado
