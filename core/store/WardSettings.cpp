#include "core/store/WardSettings.h"

#include "core/store/ActorWrite.h"
#include "core/store/AuditChain.h"
#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/store/SqlTransaction.h"
#include "core/store/StoreTime.h"
#include "core/domain/Actor.h"

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

Result<QString> WardSettings::jpkiSetting(const char *key)
{
    return value(QString::fromLatin1(key));
}

Status WardSettings::setJpkiSetting(qint64 adminId, const char *key, const QString &value)
{
    const QString trimmed = value.trimmed();
    if (!QString::fromLatin1(key).startsWith(QStringLiteral("jpki.")) || trimmed.size() > 1000 ||
        trimmed.contains(QLatin1Char('\n')))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("a jpki setting is one line of at most 1000 characters")};
    return setValue(adminId, QString::fromLatin1(key), trimmed);
}

Result<int> WardSettings::retentionDays()
{
    return days(kRetentionDaysKey, kDefaultRetentionDays, kMinRetentionDays, kMaxRetentionDays);
}

Result<int> WardSettings::resubmissionDays()
{
    return days(kResubmissionDaysKey, kDefaultResubmissionDays, kMinResubmissionDays, kMaxResubmissionDays);
}

Status WardSettings::setRetentionDays(qint64 adminId, int value)
{
    return setDays(adminId, kRetentionDaysKey, value, kMinRetentionDays, kMaxRetentionDays);
}

Status WardSettings::setResubmissionDays(qint64 adminId, int value)
{
    return setDays(adminId, kResubmissionDaysKey, value, kMinResubmissionDays, kMaxResubmissionDays);
}

Result<int> WardSettings::days(const char *key, int defaultDays, int minDays, int maxDays)
{
    auto text = value(QString::fromLatin1(key));
    if (!text)
        return text.error();
    if (text.value().isEmpty())
        return defaultDays;
    bool ok = false;
    const int parsed = text.value().toInt(&ok);
    // Only the setter writes it; anything else is a hand-edited store, and deleting on a guess is worse
    // than refusing.
    if (!ok || parsed < minDays || parsed > maxDays)
        return Error{ErrorCode::Internal,
                     QStringLiteral("the ward setting %1 is not a number of days from %2 to %3; set it again")
                         .arg(QString::fromLatin1(key))
                         .arg(minDays)
                         .arg(maxDays)};
    return parsed;
}

Status WardSettings::setDays(qint64 adminId, const char *key, int value, int minDays, int maxDays)
{
    if (value < minDays || value > maxDays)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1 must be a number of days from %2 to %3")
                                                     .arg(QString::fromLatin1(key))
                                                     .arg(minDays)
                                                     .arg(maxDays)};
    return setValue(adminId, QString::fromLatin1(key), QString::number(value));
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
