#include "core/receiver/spool/ResubmissionStore.h"

#include "core/crypto/SealedFile.h"
#include "core/receiver/spool/DurableFiles.h"
#include "core/receiver/spool/Spool.h"
#include "core/database/Sqlite.h"
#include "core/database/SqliteTransaction.h"

#include <QFile>

#include <sqlite3.h>

namespace mado {

namespace {

QString directory(const Spool &spool)
{
    return spool.filesDirectory() + QStringLiteral("/resubmissions/");
}

} // namespace

Result<std::vector<QString>> ResubmissionStore::fileNames(const QString &applicationId) const
{
    return m_spool.locked([&](sqlite3 *db) -> Result<std::vector<QString>> {
        const auto known = Sqlite::prepare(db, "SELECT 1 FROM applications WHERE id = ?1");
        if (!known)
            return known.error();
        Sqlite::bindText(known.value().get(), 1, applicationId.toUtf8());
        if (sqlite3_step(known.value().get()) != SQLITE_ROW)
            return Error{ErrorCode::NotFound, QStringLiteral("no such application")};
        auto select = Sqlite::prepare(
            db, "SELECT file FROM resubmitted_images WHERE application_id = ?1 ORDER BY received_at, message_id");
        if (!select)
            return select.error();
        Sqlite::bindText(select.value().get(), 1, applicationId.toUtf8());
        std::vector<QString> names;
        while (sqlite3_step(select.value().get()) == SQLITE_ROW)
            names.push_back(Sqlite::text(select.value().get(), 0));
        return names;
    });
}

Result<ResubmissionStore::Page> ResubmissionStore::images(const QString &applicationId, int offset, int maxImages,
                                                          qint64 maxBytes) const
{
    const auto names = fileNames(applicationId);
    if (!names)
        return names.error();
    Page page;
    page.offset = offset;
    page.total = int(names.value().size());
    if (offset < 0 || offset > page.total)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("offset must be 0 to %1").arg(page.total)};
    qint64 bytes = 0;
    for (int i = offset; i < page.total && int(page.files.size()) < maxImages; ++i) {
        const QString &name = names.value()[std::size_t(i)];
        QFile file(directory(m_spool) + name);
        if (!file.open(QIODevice::ReadOnly))
            return Error{ErrorCode::Io, QStringLiteral("cannot read resubmitted image %1").arg(name)};
        // Sized before it is read: a page stays within maxBytes of memory.
        if (!page.files.empty() && bytes + file.size() > maxBytes)
            break;
        bytes += file.size();
        file.close();
        auto image = SealedFile::read(directory(m_spool) + name, m_spool.keyring());
        if (!image)
            return Error{ErrorCode::Io,
                         QStringLiteral("cannot read resubmitted image %1: %2").arg(name, image.error().message)};
        page.files.emplace_back(name, std::move(image).value());
    }
    return page;
}

Result<int> ResubmissionStore::remove(const QString &applicationId, const std::optional<QStringList> &names)
{
    const auto known = fileNames(applicationId);
    if (!known)
        return known.error();
    std::vector<QString> deleted;
    for (const QString &name : known.value()) {
        if (!names || names->contains(name))
            deleted.push_back(name);
    }
    const Status removed = m_spool.locked([&](sqlite3 *db) -> Status {
        SqliteTransaction transaction(db);
        if (!transaction.begun().ok())
            return transaction.begun();
        auto statement = Sqlite::prepare(db, "DELETE FROM resubmitted_images WHERE application_id = ?1 AND file = ?2");
        if (!statement)
            return statement.error();
        for (const QString &name : deleted) {
            sqlite3_reset(statement.value().get());
            Sqlite::bindText(statement.value().get(), 1, applicationId.toUtf8());
            Sqlite::bindText(statement.value().get(), 2, name.toUtf8());
            if (sqlite3_step(statement.value().get()) != SQLITE_DONE)
                return Sqlite::error(db, QStringLiteral("cannot delete resubmitted images"));
        }
        statement = Sqlite::Statement();
        return transaction.commit();
    });
    if (!removed)
        return removed.error();
    for (const QString &name : deleted)
        QFile::remove(directory(m_spool) + name);
    static_cast<void>(DurableFiles::syncDirectory(directory(m_spool)));
    if (!deleted.empty())
        m_spool.scrubSoon();
    return int(deleted.size());
}

} // namespace mado
