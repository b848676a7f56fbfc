#include "core/receiver/spool/SignatureStore.h"

#include "core/bundle/CanonicalManifest.h"
#include "core/crypto/DetachedSignature.h"
#include "core/crypto/Keyring.h"
#include "core/crypto/SealedFile.h"
#include "core/database/Sqlite.h"
#include "core/database/SqliteTransaction.h"
#include "core/domain/BundleFileNames.h"
#include "core/receiver/spool/ApplicationStore.h"
#include "core/receiver/spool/DurableFiles.h"
#include "core/receiver/spool/Spool.h"
#include "core/receiver/spool/SpoolSealing.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>

#include <mutex>

namespace mado {

namespace {

Error notFound()
{
    // The same answer for another user's application and for one that is not signed: nothing is
    // revealed about applications that are not the caller's.
    return Error{ErrorCode::NotFound, QStringLiteral("no application of yours waits for a signature under this id")};
}

} // namespace

Result<SignatureStore::Waiting> SignatureStore::waiting(const QString &applicationId, const QString &userId,
                                                        const QDateTime &now) const
{
    auto row = m_spool.locked([&](sqlite3 *db) -> Result<std::pair<QByteArray, QString>> {
        auto select = Sqlite::prepare(db, "SELECT a.manifest, s.due_at, coalesce(s.signed_at, '') FROM applications a "
                                          "JOIN application_signatures s ON s.application_id = a.id "
                                          "WHERE a.id = ?1 AND a.user_id = ?2");
        if (!select)
            return select.error();
        Sqlite::bindText(select.value().get(), 1, applicationId.toUtf8());
        Sqlite::bindText(select.value().get(), 2, userId.toUtf8());
        const int rc = sqlite3_step(select.value().get());
        if (rc == SQLITE_DONE)
            return notFound();
        if (rc != SQLITE_ROW)
            return Sqlite::error(db, QStringLiteral("cannot read the application"));
        if (!Sqlite::text(select.value().get(), 2).isEmpty())
            return Error{ErrorCode::Conflict, QStringLiteral("the application is signed already")};
        if (sqlite3_column_type(select.value().get(), 0) == SQLITE_NULL ||
            Sqlite::text(select.value().get(), 1) <= QString::fromUtf8(Sqlite::time(now)))
            return Error{ErrorCode::Gone, QStringLiteral("the time to sign this application has passed; please apply "
                                                         "again")};
        return std::make_pair(Sqlite::bytes(select.value().get(), 0), QString());
    });
    if (!row)
        return row.error();
    auto json = SpoolSealing::openManifest(row.value().first, m_spool.keyring());
    if (!json)
        return json.error();
    const QJsonDocument document = QJsonDocument::fromJson(json.value());
    auto canonical = CanonicalManifest::bytes(document.object());
    if (!canonical)
        return canonical.error();
    return Waiting{std::move(json).value(), std::move(canonical).value()};
}

Result<QByteArray> SignatureStore::manifestToSign(const QString &applicationId, const QString &userId,
                                                  const QDateTime &now) const
{
    auto found = waiting(applicationId, userId, now);
    if (!found)
        return found.error();
    return found.value().canonical;
}

Status SignatureStore::attach(const QString &applicationId, const QString &userId, const QByteArray &der,
                              const QDateTime &now)
{
    // One upload at a time: two of the same application must not replace each other's file.
    static std::mutex attaching;
    std::lock_guard<std::mutex> lock(attaching);
    auto found = waiting(applicationId, userId, now);
    if (!found)
        return found.error();
    if (Status signature = DetachedSignature::check(der, found.value().canonical); !signature)
        return signature;
    // The file first (sealed like the photos), then the manifest and the mark in one write.
    const QString path = ApplicationStore(m_spool).directoryOf(applicationId) + QLatin1Char('/') +
                         QLatin1String(bundle_files::kSignature);
    QFile::remove(path); // a crash between file and row left one: it is replaced
    const Status written = m_spool.keyring() ? SealedFile::write(path, der, *m_spool.keyring())
                                             : DurableFiles::writeNew(path, der);
    if (!written)
        return written;
    QJsonObject manifest = QJsonDocument::fromJson(found.value().manifestJson).object();
    manifest.insert(
        QStringLiteral("signature"),
        QJsonObject{{QStringLiteral("file"), QLatin1String(bundle_files::kSignature)},
                    {QStringLiteral("sha256"),
                     QString::fromLatin1(QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex())}});
    const QByteArray sealed =
        SpoolSealing::sealManifest(QJsonDocument(manifest).toJson(QJsonDocument::Compact), m_spool.keyring());
    const Status marked = m_spool.committed([&](sqlite3 *db) -> Status {
        auto mark = Sqlite::prepare(db, "UPDATE application_signatures SET signed_at = ?2 "
                                        "WHERE application_id = ?1 AND signed_at IS NULL AND due_at > ?2");
        if (!mark)
            return mark.error();
        Sqlite::bindText(mark.value().get(), 1, applicationId.toUtf8());
        Sqlite::bindText(mark.value().get(), 2, Sqlite::time(now));
        if (sqlite3_step(mark.value().get()) != SQLITE_DONE)
            return Sqlite::error(db, QStringLiteral("cannot record the signature"));
        if (sqlite3_changes(db) != 1)
            return Error{ErrorCode::Conflict, QStringLiteral("the application is signed already")};
        auto update = Sqlite::prepare(db, "UPDATE applications SET manifest = ?2 WHERE id = ?1 AND manifest IS NOT NULL");
        if (!update)
            return update.error();
        Sqlite::bindText(update.value().get(), 1, applicationId.toUtf8());
        Sqlite::bindText(update.value().get(), 2, sealed);
        if (sqlite3_step(update.value().get()) != SQLITE_DONE || sqlite3_changes(db) != 1)
            return Error{ErrorCode::Gone, QStringLiteral("the application is no longer waiting")};
        return {};
    });
    if (!marked)
        QFile::remove(path);
    return marked;
}

} // namespace mado
