#include "core/issuance/WardSettings.h"

#include "core/store/ActorWrite.h"
#include "core/store/AuditChain.h"
#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/store/SqlTransaction.h"
#include "core/store/StoreTime.h"
#include "core/workflow/Actor.h"

#include <QSqlQuery>

namespace mado {

namespace {
const QString kIssuerName = QStringLiteral("issuer_name");
} // namespace

WardSettings::WardSettings(CaseStore &store) : m_store(store) {}

Result<QString> WardSettings::issuerName()
{
    return value(kIssuerName);
}

Status WardSettings::setIssuerName(qint64 adminId, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > kMaxIssuerLength || trimmed.contains(QLatin1Char('\n')) ||
        trimmed.contains(QLatin1Char('\r')))
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("the issuer is one line of 1 to %1 characters").arg(kMaxIssuerLength)};
    return setValue(adminId, kIssuerName, trimmed);
}

Result<QString> WardSettings::value(const QString &name)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    auto rows = Sql::run(db.value(), QStringLiteral("SELECT value FROM ward_settings WHERE name = :n"),
                         {{QStringLiteral("n"), name}});
    if (!rows)
        return rows.error();
    return rows.value().next() ? rows.value().value(0).toString() : QString();
}

Status WardSettings::setValue(qint64 adminId, const QString &name, const QString &value)
{
    return writeAsActor(m_store, adminId, isAdmin, QStringLiteral("only an admin may change the ward settings"),
                        [&](QSqlDatabase &db, const Actor &actor) -> Status {
                            const QDateTime now = m_store.clock().now();
                            auto written = Sql::run(
                                db,
                                QStringLiteral("INSERT INTO ward_settings (name, value, updated_by, updated_at) "
                                               "VALUES (:n, :v, :u, :at) ON CONFLICT (name) DO UPDATE SET "
                                               "value = excluded.value, updated_by = excluded.updated_by, "
                                               "updated_at = excluded.updated_at"),
                                {{QStringLiteral("n"), name},
                                 {QStringLiteral("v"), value},
                                 {QStringLiteral("u"), adminId},
                                 {QStringLiteral("at"), StoreTime::format(now)}});
                            if (!written)
                                return written.error();
                            if (auto audited = AuditChain::append(db, {0,
                                                                       now,
                                                                       actor.login,
                                                                       QStringLiteral("ward_setting_changed"),
                                                                       QStringLiteral("ward_setting:") + name,
                                                                       {}});
                                !audited)
                                return audited;
                            return Status();
                        });
}

} // namespace mado
