#pragma once

#include <QByteArray>
#include <QString>

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <utility>

namespace mado {

// Remembers LIFF ID tokens that LINE verified, so that a resident's next calls (and a flood of
// calls with one token) cost no further call to LINE. Keyed by the SHA-256 of the token (the token
// itself is never kept), each entry holds the LINE user id and the token's expiry (exp, seconds
// since the epoch) and is used until then only. At most maxEntries entries: when full, the entry
// that expires first is evicted (expired ones go first). Thread-safe (one mutex); cannot fail.
class IdTokenCache {
public:
    explicit IdTokenCache(int maxEntries) : m_maxEntries(maxEntries) {}

    // The user id of a verified token that has not expired at nowSecs, if cached.
    std::optional<QString> find(const QString &idToken, qint64 nowSecs);
    // Remembers a verified token until expiresAtSecs (nothing when maxEntries is 0 or it expired).
    void insert(const QString &idToken, const QString &userId, qint64 expiresAtSecs, qint64 nowSecs);
    int size() const;

    static QByteArray keyOf(const QString &idToken);

private:
    struct Entry {
        QString userId;
        qint64 expiresAt = 0;
    };
    void erase(std::map<QByteArray, Entry>::iterator it);

    mutable std::mutex m_mutex;
    int m_maxEntries;
    std::map<QByteArray, Entry> m_entries;
    std::set<std::pair<qint64, QByteArray>> m_byExpiry;
};

} // namespace mado
