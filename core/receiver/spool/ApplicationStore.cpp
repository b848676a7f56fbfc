#include "core/receiver/spool/ApplicationStore.h"

#include "core/receiver/spool/ChallengeStore.h"
#include "core/receiver/spool/DurableFiles.h"
#include "core/receiver/IntakeLog.h"
#include "core/receiver/api/ReferenceNumber.h"
#include "core/receiver/spool/Spool.h"
#include "core/receiver/spool/SpoolSealing.h"
#include "core/database/Sqlite.h"

#include <QDir>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>

#include <sqlite3.h>

namespace mado {

namespace {

constexpr int kJstOffsetSeconds = 9 * 3600;

Result<std::optional<StoredApplication>> find(sqlite3 *db, const QString &userId, const QString &key)
{
    auto select =
        Sqlite::prepare(db, "SELECT id, reference FROM applications WHERE user_id = ?1 AND idempotency_key = ?2");
    if (!select)
        return select.error();
    Sqlite::bindText(select.value().get(), 1, userId.toUtf8());
    Sqlite::bindText(select.value().get(), 2, key.toUtf8());
    const int rc = sqlite3_step(select.value().get());
    if (rc == SQLITE_DONE)
        return std::optional<StoredApplication>();
    if (rc != SQLITE_ROW)
        return Sqlite::error(db, QStringLiteral("cannot look up idempotency key"));
    return std::optional<StoredApplication>(
        StoredApplication{Sqlite::text(select.value().get(), 0), Sqlite::text(select.value().get(), 1), true});
}

} // namespace

const Keyring *ApplicationStore::keyring() const
{
    return m_spool.keyring();
}

QString ApplicationStore::directoryOf(const QString &applicationId) const
{
    return m_spool.filesDirectory() + QLatin1Char('/') + applicationId;
}

Result<std::optional<StoredApplication>> ApplicationStore::findByIdempotencyKey(const QString &userId,
                                                                                const QString &key) const
{
    return m_spool.locked([&](sqlite3 *db) { return find(db, userId, key); });
}

Result<QString> ApplicationStore::createStaging(const QString &applicationId) const
{
    const QString root = m_spool.filesDirectory();
    if (!QDir().mkpath(root))
        return Error{ErrorCode::Io, QStringLiteral("cannot create %1").arg(root)};
    const QString tempDir = stagingOf(applicationId);
    if (!QDir().mkdir(tempDir))
        return Error{ErrorCode::Io, QStringLiteral("cannot create %1").arg(tempDir)};
    return tempDir;
}

QString ApplicationStore::stagingOf(const QString &applicationId) const
{
    return m_spool.filesDirectory() + QStringLiteral("/.tmp-") + applicationId;
}

Result<StoredApplication> ApplicationStore::store(const QString &userId, const QString &idempotencyKey,
                                                  CaseBundle manifest,
                                                  const std::optional<QDateTime> &signatureDue)
{
    const QString tempDir = stagingOf(manifest.applicationId);
    const QString finalDir = directoryOf(manifest.applicationId);
    Status placed = DurableFiles::syncDirectory(tempDir);
    if (placed)
        placed = DurableFiles::renameDurably(tempDir, finalDir);
    if (!placed) {
        DurableFiles::removeTree(tempDir);
        return placed.error();
    }

    // In the next group commit: durable, with the challenge marked used, when it returns.
    auto stored = m_spool.committed([&](sqlite3 *db) -> Result<StoredApplication> {
        // A concurrent request with the same key may have won the race: answer with its reference.
        auto existing = find(db, userId, idempotencyKey);
        if (!existing)
            return existing.error();
        if (existing.value())
            return *existing.value();
        auto challenge = ChallengeStore::consume(db, manifest.challenge.nonce, userId, manifest.receivedAt);
        if (!challenge)
            return challenge.error();
        const auto last = Sqlite::queryInt(db, "SELECT coalesce(max(seq), 0) FROM applications");
        if (!last)
            return last.error();
        const qint64 seq = last.value() + 1;
        manifest.reference = ReferenceNumber::make(manifest.receivedAt.toOffsetFromUtc(kJstOffsetSeconds).date(), seq);
        auto insert = Sqlite::prepare(db, "INSERT INTO applications (seq, id, reference, user_id, idempotency_key, "
                                          "received_at, manifest) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        if (!insert)
            return insert.error();
        sqlite3_bind_int64(insert.value().get(), 1, seq);
        Sqlite::bindText(insert.value().get(), 2, manifest.applicationId.toUtf8());
        Sqlite::bindText(insert.value().get(), 3, manifest.reference.toUtf8());
        Sqlite::bindText(insert.value().get(), 4, userId.toUtf8());
        Sqlite::bindText(insert.value().get(), 5, idempotencyKey.toUtf8());
        Sqlite::bindText(insert.value().get(), 6, Sqlite::time(manifest.receivedAt));
        Sqlite::bindText(insert.value().get(), 7,
                         SpoolSealing::sealManifest(QJsonDocument(manifest.toJson()).toJson(QJsonDocument::Compact),
                                                    m_spool.keyring()));
        if (sqlite3_step(insert.value().get()) != SQLITE_DONE)
            return Sqlite::error(db, QStringLiteral("cannot store application"));
        if (signatureDue) {
            auto due = Sqlite::prepare(db, "INSERT INTO application_signatures (application_id, due_at) VALUES (?1, ?2)");
            if (!due)
                return due.error();
            Sqlite::bindText(due.value().get(), 1, manifest.applicationId.toUtf8());
            Sqlite::bindText(due.value().get(), 2, Sqlite::time(*signatureDue));
            if (sqlite3_step(due.value().get()) != SQLITE_DONE)
                return Sqlite::error(db, QStringLiteral("cannot store application"));
        }
        return StoredApplication{manifest.applicationId, manifest.reference, false, signatureDue.has_value()};
    });
    if (!stored || stored.value().replay)
        DurableFiles::removeTree(finalDir);
    return stored;
}

Result<int> ApplicationStore::recover()
{
    const QDir root(m_spool.filesDirectory());
    if (!root.exists())
        return 0;
    auto live = m_spool.locked([](sqlite3 *db) -> Result<QSet<QString>> {
        auto select = Sqlite::prepare(db, "SELECT id FROM applications WHERE manifest IS NOT NULL");
        if (!select)
            return select.error();
        QSet<QString> ids;
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(select.value().get())) == SQLITE_ROW)
            ids.insert(Sqlite::text(select.value().get(), 0));
        if (rc != SQLITE_DONE)
            return Sqlite::error(db, QStringLiteral("cannot list applications"));
        return ids;
    });
    if (!live)
        return live.error();
    int removed = 0;
    const auto entries = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QString &name : entries) {
        // resubmissions/ holds the images sent later through LINE (see WebhookWorker).
        if (live.value().contains(name) || name == QLatin1String("resubmissions"))
            continue;
        DurableFiles::removeTree(root.filePath(name));
        ++removed;
    }
    if (removed > 0)
        qCInfo(lcIntake) << "spool recovery removed" << removed << "incomplete or orphaned image directories";
    return removed;
}

} // namespace mado
