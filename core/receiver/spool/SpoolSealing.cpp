#include "core/receiver/spool/SpoolSealing.h"

#include "core/crypto/Keyring.h"
#include "core/crypto/SealedFile.h"
#include "core/receiver/spool/Spool.h"
#include "core/database/Sqlite.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>

#include <utility>
#include <vector>

namespace mado {

namespace {

const QString kSealedField = QStringLiteral("sealed");

// The sealed bytes of an envelope, nothing for a plain manifest.
std::optional<QByteArray> sealedBytesOf(const QByteArray &stored)
{
    if (!stored.startsWith("{\"sealed\":"))
        return std::nullopt;
    const QJsonObject envelope = QJsonDocument::fromJson(stored).object();
    if (envelope.size() != 1 || !envelope.value(kSealedField).isString())
        return std::nullopt;
    return QByteArray::fromBase64(envelope.value(kSealedField).toString().toLatin1());
}

Error missingKey(const QString &what, const Error &error)
{
    if (error.code != ErrorCode::NotFound)
        return Error{error.code, QStringLiteral("%1: %2").arg(what, error.message)};
    return Error{ErrorCode::NotFound,
                 QStringLiteral("%1: %2. The spool holds data sealed with a key that is not configured: finish an "
                                "interrupted rotation (madoguchi-receiver --config FILE --rotate-key NEWKEY with "
                                "the old key still in spool.key_file) or configure the key it was sealed with; "
                                "nothing was changed or deleted")
                     .arg(what, error.message)};
}

} // namespace

QByteArray SpoolSealing::sealManifest(const QByteArray &json, const Keyring *keyring)
{
    if (!keyring)
        return json;
    const QJsonObject envelope{{kSealedField, QString::fromLatin1(keyring->seal(json).toBase64())}};
    return QJsonDocument(envelope).toJson(QJsonDocument::Compact);
}

Result<QByteArray> SpoolSealing::openManifest(const QByteArray &stored, const Keyring *keyring)
{
    const auto sealed = sealedBytesOf(stored);
    if (!sealed)
        return stored;
    if (!keyring) {
        const auto id = Keyring::keyIdOf(*sealed);
        return Error{ErrorCode::NotFound, QStringLiteral("the manifest is sealed with key %1, and no key is loaded")
                                              .arg(id ? DataKey::idHex(*id) : QStringLiteral("?"))};
    }
    return keyring->open(*sealed);
}

Result<SpoolSealing::Counts> SpoolSealing::sealAll(Spool &spool, const Keyring &keyring, int limit)
{
    Counts counts;
    int budget = limit;
    // Manifests: read all ids first, then each row rewritten in its own statement, only if unchanged.
    auto rows = spool.locked([](sqlite3 *db) -> Result<std::vector<std::pair<QByteArray, QByteArray>>> {
        auto select = Sqlite::prepare(db, "SELECT id, manifest FROM applications WHERE manifest IS NOT NULL");
        if (!select)
            return select.error();
        std::vector<std::pair<QByteArray, QByteArray>> out;
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(select.value().get())) == SQLITE_ROW) {
            sqlite3_stmt *s = select.value().get();
            out.emplace_back(Sqlite::bytes(s, 0), Sqlite::bytes(s, 1));
        }
        if (rc != SQLITE_DONE)
            return Sqlite::error(db, QStringLiteral("cannot list manifests"));
        return out;
    });
    if (!rows)
        return rows.error();
    for (const auto &[id, stored] : rows.value()) {
        const auto sealed = sealedBytesOf(stored);
        const auto keyId = sealed ? Keyring::keyIdOf(*sealed) : std::nullopt;
        if (keyId && *keyId == keyring.current().id()) {
            ++counts.current;
            continue;
        }
        if (budget <= 0)
            return counts;
        const auto json = openManifest(stored, &keyring);
        if (!json)
            return missingKey(QStringLiteral("application %1's manifest").arg(QString::fromUtf8(id)), json.error());
        const QByteArray resealed = sealManifest(json.value(), &keyring);
        const Status updated = spool.locked([&](sqlite3 *db) -> Status {
            auto update = Sqlite::prepare(db, "UPDATE applications SET manifest = ?3 WHERE id = ?1 AND manifest = ?2");
            if (!update)
                return update.error();
            sqlite3_stmt *u = update.value().get();
            Sqlite::bindText(u, 1, id);
            Sqlite::bindText(u, 2, stored);
            Sqlite::bindText(u, 3, resealed);
            if (sqlite3_step(u) != SQLITE_DONE)
                return Sqlite::error(db, QStringLiteral("cannot rewrite a manifest"));
            return {};
        });
        if (!updated)
            return updated.error();
        ++counts.manifests;
        --budget;
    }

    // Files: every application's directory and the resubmitted photos; staging directories
    // (".tmp-<id>") belong to uploads that never completed and are removed by recovery.
    const QDir root(spool.filesDirectory());
    QStringList directories;
    if (root.exists()) {
        for (const QString &name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            directories << root.filePath(name);
    }
    for (const QString &directory : std::as_const(directories)) {
        counts.leftovers += SealedFile::removeLeftovers(directory);
        const QDir dir(directory);
        for (const QString &name : dir.entryList(QDir::Files)) {
            const QString path = dir.filePath(name);
            const auto keyId = SealedFile::keyIdOf(path);
            if (!keyId)
                return keyId.error();
            if (keyId.value() && *keyId.value() == keyring.current().id()) {
                ++counts.current;
                continue;
            }
            if (budget <= 0)
                return counts;
            const auto resealed = SealedFile::reseal(path, keyring);
            if (!resealed)
                return missingKey(QStringLiteral("file %1").arg(root.relativeFilePath(path)), resealed.error());
            ++counts.files;
            --budget;
        }
    }
    if (counts.manifests > 0)
        spool.scrubSoon();
    return counts;
}

} // namespace mado
