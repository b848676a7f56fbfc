#include "core/store/ImportFailures.h"

#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/store/StoreTime.h"

#include <QSqlQuery>

namespace mado {

ImportFailures::ImportFailures(CaseStore &store) : m_store(store) {}

bool ImportFailures::isApplicationFault(ErrorCode code)
{
    switch (code) {
    case ErrorCode::ImageEmpty:
    case ErrorCode::ImageUnsupported:
    case ErrorCode::ImageTooLarge:
    case ErrorCode::ImageCorrupt:
    case ErrorCode::BundleInvalid:
        return true;
    default:
        return false;
    }
}

Result<int> ImportFailures::record(const QString &applicationId, const QString &reference, const Error &error)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    const QString now = StoreTime::format(m_store.clock().now());
    auto upserted = Sql::run(db.value(),
                             QStringLiteral("INSERT INTO import_failures (application_id, reference, attempts, "
                                            "error_code, message, first_at, last_at) "
                                            "VALUES (:id, :ref, 1, :code, :message, :now, :now) "
                                            "ON CONFLICT (application_id) DO UPDATE SET attempts = attempts + 1, "
                                            "error_code = excluded.error_code, message = excluded.message, "
                                            "last_at = excluded.last_at"),
                             {{QStringLiteral("id"), applicationId},
                              {QStringLiteral("ref"), reference},
                              {QStringLiteral("code"), errorCodeName(error.code)},
                              {QStringLiteral("message"), error.message.left(300)},
                              {QStringLiteral("now"), now}});
    if (!upserted)
        return upserted.error();
    auto attempts = Sql::scalar(db.value(),
                                QStringLiteral("SELECT attempts FROM import_failures WHERE application_id = :id"),
                                {{QStringLiteral("id"), applicationId}});
    if (!attempts)
        return attempts.error();
    return attempts.value().toInt();
}

Status ImportFailures::markAbandoned(const QString &applicationId)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    auto updated = Sql::run(db.value(),
                            QStringLiteral("UPDATE import_failures SET abandoned_at = :now "
                                           "WHERE application_id = :id AND abandoned_at IS NULL"),
                            {{QStringLiteral("id"), applicationId},
                             {QStringLiteral("now"), StoreTime::format(m_store.clock().now())}});
    if (!updated)
        return updated.error();
    return {};
}

Status ImportFailures::clear(const QString &applicationId)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    auto deleted = Sql::run(db.value(), QStringLiteral("DELETE FROM import_failures WHERE application_id = :id"),
                            {{QStringLiteral("id"), applicationId}});
    if (!deleted)
        return deleted.error();
    return {};
}

Result<std::vector<ImportFailure>> ImportFailures::list(bool abandonedOnly)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    auto rows = Sql::run(db.value(),
                         QStringLiteral("SELECT application_id, reference, attempts, error_code, message, first_at, "
                                        "last_at, abandoned_at FROM import_failures %1 ORDER BY last_at DESC")
                             .arg(abandonedOnly ? QStringLiteral("WHERE abandoned_at IS NOT NULL") : QString()));
    if (!rows)
        return rows.error();
    std::vector<ImportFailure> failures;
    QSqlQuery &q = rows.value();
    while (q.next()) {
        ImportFailure f;
        f.applicationId = q.value(0).toString();
        f.reference = q.value(1).toString();
        f.attempts = q.value(2).toInt();
        f.errorCode = q.value(3).toString();
        f.message = q.value(4).toString();
        f.firstAt = StoreTime::parse(q.value(5).toString());
        f.lastAt = StoreTime::parse(q.value(6).toString());
        if (!q.value(7).isNull())
            f.abandonedAt = StoreTime::parse(q.value(7).toString());
        failures.push_back(f);
    }
    return failures;
}

} // namespace mado
