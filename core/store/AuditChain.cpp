#include "core/store/AuditChain.h"

#include "core/store/Sql.h"
#include "core/store/StoreTime.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace mado {

QByteArray AuditChain::canonical(const Entry &entry)
{
    // QJsonObject keeps keys sorted, so the same entry always gives the same bytes.
    QJsonObject object;
    object.insert(QStringLiteral("seq"), QString::number(entry.seq));
    object.insert(QStringLiteral("at"), StoreTime::format(entry.at));
    object.insert(QStringLiteral("actor"), entry.actor);
    object.insert(QStringLiteral("action"), entry.action);
    object.insert(QStringLiteral("subject"), entry.subject);
    object.insert(QStringLiteral("detail"), entry.detail);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString AuditChain::chainHash(const QString &previousHash, const Entry &entry)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(previousHash.toLatin1());
    hash.addData(canonical(entry));
    return QString::fromLatin1(hash.result().toHex());
}

Status AuditChain::append(const QSqlDatabase &db, const Entry &original)
{
    // PostgreSQL: writers take the chain's lock until their transaction ends, so two workstations
    // never read the same head and fork the chain (SQLite's BEGIN IMMEDIATE already serialises).
    if (Sql::isPostgresql(db)) {
        if (auto locked = Sql::run(db, QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kAppendLock)); !locked)
            return locked.error();
    }
    auto last = Sql::run(db, QStringLiteral("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"));
    if (!last)
        return last.error();
    Entry entry = original;
    QString previousHash = QString::fromLatin1(kGenesisHash);
    entry.seq = 1;
    if (last.value().next()) {
        entry.seq = last.value().value(0).toLongLong() + 1;
        previousHash = last.value().value(1).toString();
    }
    // Millisecond precision is what the text format keeps; hash what is stored.
    entry.at = StoreTime::parse(StoreTime::format(entry.at));
    const QString detail = QString::fromUtf8(QJsonDocument(entry.detail).toJson(QJsonDocument::Compact));
    auto inserted =
        Sql::run(db,
                 QStringLiteral("INSERT INTO audit (seq, at, actor, action, subject, detail, prev_hash, hash) "
                                "VALUES (:seq, :at, :actor, :action, :subject, :detail, :prev, :hash)"),
                 {{QStringLiteral("seq"), entry.seq},
                  {QStringLiteral("at"), StoreTime::format(entry.at)},
                  {QStringLiteral("actor"), entry.actor},
                  {QStringLiteral("action"), entry.action},
                  {QStringLiteral("subject"), entry.subject},
                  {QStringLiteral("detail"), detail},
                  {QStringLiteral("prev"), previousHash},
                  {QStringLiteral("hash"), chainHash(previousHash, entry)}});
    if (!inserted)
        return inserted.error();
    return {};
}

Result<AuditChain::Verification> AuditChain::verify(const QSqlDatabase &db)
{
    auto rows = Sql::run(db, QStringLiteral("SELECT seq, at, actor, action, subject, detail, prev_hash, hash "
                                            "FROM audit ORDER BY seq"));
    if (!rows)
        return rows.error();
    Verification result;
    QSqlQuery &query = rows.value();
    QString previousHash = QString::fromLatin1(kGenesisHash);
    qint64 expectedSeq = 1;
    while (query.next()) {
        Entry entry;
        entry.seq = query.value(0).toLongLong();
        entry.at = StoreTime::parse(query.value(1).toString());
        entry.actor = query.value(2).toString();
        entry.action = query.value(3).toString();
        entry.subject = query.value(4).toString();
        entry.detail = QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object();
        const QString storedPrevious = query.value(6).toString();
        const QString storedHash = query.value(7).toString();
        ++result.entries;
        auto fail = [&](const QString &problem) {
            result.ok = false;
            result.firstBroken = entry.seq;
            result.problem = problem;
        };
        if (entry.seq != expectedSeq) {
            fail(QStringLiteral("entry %1 missing before it").arg(expectedSeq));
        } else if (storedPrevious != previousHash) {
            fail(QStringLiteral("previous hash does not match the entry before it"));
        } else if (chainHash(previousHash, entry) != storedHash ||
                   QString::fromUtf8(QJsonDocument(entry.detail).toJson(QJsonDocument::Compact)) !=
                       query.value(5).toString()) {
            fail(QStringLiteral("hash mismatch: the entry was changed"));
        }
        if (!result.ok)
            return result;
        previousHash = storedHash;
        ++expectedSeq;
    }
    result.headHash = previousHash;
    return result;
}

} // namespace mado
