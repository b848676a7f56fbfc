#include "core/receiver/spool/ChallengeStore.h"

#include "core/receiver/spool/Spool.h"
#include "core/database/Sqlite.h"

#include <QRandomGenerator>
#include <QStringList>

#include <sqlite3.h>

namespace mado {

namespace {

QString directionsText(const std::array<Direction, 3> &directions)
{
    QStringList names;
    for (Direction d : directions)
        names << directionName(d);
    return names.join(QLatin1Char(','));
}

struct Row {
    Challenge challenge;
    QString userId;
    bool used = false;
};

Result<Row> readRow(sqlite3 *db, const QString &nonce)
{
    auto select =
        Sqlite::prepare(db, "SELECT nonce, user_id, directions, issued_at, expires_at, used_at IS NOT NULL "
                            "FROM challenges WHERE nonce = ?1");
    if (!select)
        return select.error();
    sqlite3_stmt *statement = select.value().get();
    const QByteArray key = nonce.toUtf8();
    Sqlite::bindText(statement, 1, key);
    const int rc = sqlite3_step(statement);
    if (rc == SQLITE_DONE)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("unknown challenge")};
    if (rc != SQLITE_ROW)
        return Sqlite::error(db, QStringLiteral("cannot read challenge"));
    Row row;
    row.challenge.nonce = Sqlite::text(statement, 0);
    row.userId = Sqlite::text(statement, 1);
    const QStringList names = Sqlite::text(statement, 2).split(QLatin1Char(','));
    for (int i = 0; i < 3 && i < names.size(); ++i)
        row.challenge.directions[std::size_t(i)] = directionFromName(names.at(i)).value_or(Direction::Front);
    row.challenge.issuedAt = QDateTime::fromString(Sqlite::text(statement, 3), Qt::ISODateWithMs);
    row.challenge.expiresAt = QDateTime::fromString(Sqlite::text(statement, 4), Qt::ISODateWithMs);
    row.used = sqlite3_column_int(statement, 5) != 0;
    return row;
}

Result<Challenge> check(const Result<Row> &row, const QString &userId, const QDateTime &now)
{
    if (!row)
        return row.error();
    // Another user's nonce is reported like an unknown one: it tells nothing about other users.
    if (row.value().userId != userId)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("unknown challenge")};
    if (row.value().used)
        return Error{ErrorCode::Conflict, QStringLiteral("the challenge was already used")};
    if (row.value().challenge.expiresAt <= now)
        return Error{ErrorCode::Gone, QStringLiteral("the challenge has expired; request a new one")};
    return row.value().challenge;
}

} // namespace

std::array<Direction, 3> ChallengeStore::drawDirections(const std::vector<Direction> &allowed)
{
    Q_ASSERT(allowed.size() >= 2);
    const auto count = quint32(allowed.size());
    QRandomGenerator *random = QRandomGenerator::system();
    std::array<Direction, 3> out{};
    int previous = -1;
    for (Direction &d : out) {
        // Draw among the directions that differ from the previous one, uniformly.
        int pick = int(random->bounded(previous < 0 ? count : count - 1));
        if (previous >= 0 && pick >= previous)
            ++pick;
        d = allowed[std::size_t(pick)];
        previous = pick;
    }
    return out;
}

Result<Challenge> ChallengeStore::issue(const QString &userId, const QDateTime &now)
{
    Challenge challenge;
    QByteArray nonce(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(nonce.data()), nonce.size() / 4);
    challenge.nonce =
        QString::fromLatin1(nonce.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    // Millisecond precision, as the times travel as text.
    challenge.issuedAt = now.toUTC();
    challenge.expiresAt = challenge.issuedAt.addSecs(m_lifetimeSeconds);
    challenge.directions = drawDirections(m_directions);

    return m_spool.committed([&](sqlite3 *db) -> Result<Challenge> {
        auto recent = Sqlite::prepare(db, "SELECT count(*) FROM challenges WHERE user_id = ?1 AND issued_at > ?2");
        if (!recent)
            return recent.error();
        const QByteArray user = userId.toUtf8();
        const QByteArray hourAgo = Sqlite::time(challenge.issuedAt.addSecs(-3600));
        Sqlite::bindText(recent.value().get(), 1, user);
        Sqlite::bindText(recent.value().get(), 2, hourAgo);
        if (sqlite3_step(recent.value().get()) != SQLITE_ROW)
            return Sqlite::error(db, QStringLiteral("cannot count challenges"));
        if (sqlite3_column_int64(recent.value().get(), 0) >= m_maxPerHour)
            return Error{ErrorCode::RateLimited,
                         QStringLiteral("too many challenges in the last hour; try again later")};
        recent = Sqlite::Statement();
        auto insert = Sqlite::prepare(db, "INSERT INTO challenges (nonce, user_id, directions, issued_at, expires_at, "
                                          "signature) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        if (!insert)
            return insert.error();
        const QByteArray values[] = {challenge.nonce.toUtf8(), userId.toUtf8(),
                                     directionsText(challenge.directions).toUtf8(), Sqlite::time(challenge.issuedAt),
                                     Sqlite::time(challenge.expiresAt),
                                     // The column of the former signature (NOT NULL in old spools): empty.
                                     QByteArray("")};
        for (int i = 0; i < 6; ++i)
            Sqlite::bindText(insert.value().get(), i + 1, values[i]);
        if (sqlite3_step(insert.value().get()) != SQLITE_DONE)
            return Sqlite::error(db, QStringLiteral("cannot store challenge"));
        return challenge;
    });
}

Result<Challenge> ChallengeStore::usable(const QString &nonce, const QString &userId, const QDateTime &now) const
{
    return m_spool.locked([&](sqlite3 *db) { return check(readRow(db, nonce), userId, now); });
}

Result<Challenge> ChallengeStore::consume(sqlite3 *db, const QString &nonce, const QString &userId,
                                          const QDateTime &now)
{
    auto challenge = check(readRow(db, nonce), userId, now);
    if (!challenge)
        return challenge;
    auto update = Sqlite::prepare(db, "UPDATE challenges SET used_at = ?2 WHERE nonce = ?1 AND used_at IS NULL");
    if (!update)
        return update.error();
    const QByteArray key = nonce.toUtf8();
    const QByteArray at = Sqlite::time(now);
    Sqlite::bindText(update.value().get(), 1, key);
    Sqlite::bindText(update.value().get(), 2, at);
    if (sqlite3_step(update.value().get()) != SQLITE_DONE)
        return Sqlite::error(db, QStringLiteral("cannot mark challenge used"));
    if (sqlite3_changes(db) != 1)
        return Error{ErrorCode::Conflict, QStringLiteral("the challenge was already used")};
    return challenge;
}

Result<int> ChallengeStore::prune(sqlite3 *db, const QDateTime &now)
{
    auto remove = Sqlite::prepare(db, "DELETE FROM challenges WHERE expires_at < ?1 AND issued_at < ?2");
    if (!remove)
        return remove.error();
    const QByteArray at = Sqlite::time(now);
    const QByteArray hourAgo = Sqlite::time(now.addSecs(-3600));
    Sqlite::bindText(remove.value().get(), 1, at);
    Sqlite::bindText(remove.value().get(), 2, hourAgo);
    if (sqlite3_step(remove.value().get()) != SQLITE_DONE)
        return Sqlite::error(db, QStringLiteral("cannot delete expired challenges"));
    return sqlite3_changes(db);
}

} // namespace mado
