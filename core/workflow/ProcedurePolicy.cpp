#include "core/workflow/ProcedurePolicy.h"

#include "core/store/ActorWrite.h"
#include "core/store/AuditChain.h"
#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/store/SqlTransaction.h"
#include "core/store/StoreTime.h"
#include "core/domain/Actor.h"

namespace mado {

namespace {

const QString kColumns = QStringLiteral("procedure_key, version, name_ja, accepted_methods, legal_basis, "
                                        "hold_explanation, valid_from, valid_until, changed_by, changed_at");

Procedure fromRow(const QSqlQuery &q)
{
    Procedure p;
    p.key = q.value(0).toString();
    p.version = q.value(1).toInt();
    p.nameJa = q.value(2).toString();
    p.acceptedMethods = q.value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    p.legalBasis = q.value(4).toString();
    p.holdExplanation = q.value(5).toString();
    p.validFrom = QDate::fromString(q.value(6).toString(), Qt::ISODate);
    if (!q.value(7).isNull())
        p.validUntil = QDate::fromString(q.value(7).toString(), Qt::ISODate);
    p.changedBy = q.value(8).toString();
    p.changedAt = StoreTime::parse(q.value(9).toString());
    return p;
}

Result<std::vector<Procedure>> select(const QSqlDatabase &db, const QString &where, const QVariantMap &bindings)
{
    auto query = Sql::run(
        db, QStringLiteral("SELECT %1 FROM procedures p %2 ORDER BY procedure_key, version").arg(kColumns, where),
        bindings);
    if (!query)
        return query.error();
    std::vector<Procedure> result;
    while (query.value().next())
        result.push_back(fromRow(query.value()));
    return result;
}

} // namespace

Result<std::vector<Procedure>> ProcedurePolicy::current(const QSqlDatabase &db)
{
    return select(db,
                  QStringLiteral("WHERE version = (SELECT MAX(version) FROM procedures q "
                                 "WHERE q.procedure_key = p.procedure_key)"),
                  {});
}

Result<Procedure> ProcedurePolicy::current(const QSqlDatabase &db, const QString &key)
{
    auto all = history(db, key);
    if (!all)
        return all.error();
    if (all.value().empty())
        return Error{ErrorCode::NotFound, QStringLiteral("unknown procedure ") + key};
    return all.value().back();
}

Result<std::vector<Procedure>> ProcedurePolicy::history(const QSqlDatabase &db, const QString &key)
{
    return select(db, QStringLiteral("WHERE procedure_key = :key"), {{QStringLiteral("key"), key}});
}

Result<CaseStore::ImportHold> ProcedurePolicy::importHold(CaseStore &store, const CaseBundle &bundle,
                                                         const QString &method)
{
    auto db = store.connections().database();
    if (!db)
        return db.error();
    // Applications are made in Japan (no daylight saving time): the policy date is the JST date.
    const QDate received = bundle.receivedAt.toUTC().addSecs(9 * 3600).date();
    auto policy = evaluate(db.value(), bundle.applicant.procedure, method, received);
    if (!policy)
        return policy.error();
    return CaseStore::ImportHold{policy.value().accepted ? QString() : policy.value().explanation,
                                 policy.value().version, method};
}

Result<ProcedurePolicy::Evaluation> ProcedurePolicy::evaluate(const QSqlDatabase &db, const QString &key,
                                                              const QString &method, const QDate &date)
{
    auto versions = history(db, key);
    if (!versions)
        return versions.error();
    if (versions.value().empty())
        return Evaluation{false, QStringLiteral("この手続（%1）はオンライン申請の対象外です。").arg(key), 0};
    // The newest version in force on the application's date decides (a change may take effect later).
    const Procedure *inForce = nullptr;
    for (const Procedure &candidate : versions.value()) {
        if (candidate.validOn(date))
            inForce = &candidate;
    }
    if (!inForce) {
        return Evaluation{
            false,
            QStringLiteral("%1 はこの日付にはオンライン申請を受け付けていません。").arg(versions.value().back().nameJa),
            versions.value().back().version};
    }
    const Procedure &p = *inForce;
    if (!p.acceptedMethods.contains(method)) {
        const QString explanation = p.holdExplanation.isEmpty()
                                        ? QStringLiteral("%1 はこの本人確認方法を受け付けていません。").arg(p.nameJa)
                                        : p.holdExplanation;
        return Evaluation{false, explanation, p.version};
    }
    return Evaluation{true, QString(), p.version};
}

Result<int> ProcedurePolicy::change(CaseStore &store, qint64 adminId, const Procedure &procedure)
{
    if (procedure.key.isEmpty() || procedure.nameJa.isEmpty() || !procedure.validFrom.isValid())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("a procedure needs a key, a name and a start date")};
    for (const QString &method : procedure.acceptedMethods) {
        if (method != QLatin1String(kEkycFace) && method != QLatin1String(kJpkiSignature))
            return Error{ErrorCode::InvalidArgument, QStringLiteral("unknown identity method ") + method};
    }
    return writeAsActor(
        store, adminId, isAdmin, QStringLiteral("only an admin may change the procedure policy"),
        [&](QSqlDatabase &db, const Actor &actor) -> Result<int> {
            auto previous = Sql::scalar(
                db, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM procedures WHERE procedure_key = :k"),
                {{QStringLiteral("k"), procedure.key}});
            if (!previous)
                return previous.error();
            const int version = previous.value().toInt() + 1;
            const QDateTime now = store.clock().now();
            auto inserted = Sql::run(
                db,
                QStringLiteral("INSERT INTO procedures (%1) VALUES (:k, :v, :n, :m, :l, :h, :f, :u, :by, :at)")
                    .arg(kColumns),
                {{QStringLiteral("k"), procedure.key},
                 {QStringLiteral("v"), version},
                 {QStringLiteral("n"), procedure.nameJa},
                 {QStringLiteral("m"), procedure.acceptedMethods.join(QLatin1Char(','))},
                 {QStringLiteral("l"), procedure.legalBasis},
                 {QStringLiteral("h"), procedure.holdExplanation},
                 {QStringLiteral("f"), procedure.validFrom.toString(Qt::ISODate)},
                 {QStringLiteral("u"),
                  procedure.validUntil.isNull() ? Sql::null() : QVariant(procedure.validUntil.toString(Qt::ISODate))},
                 {QStringLiteral("by"), actor.login},
                 {QStringLiteral("at"), StoreTime::format(now)}});
            if (!inserted)
                return inserted.error();
            QJsonObject detail{{QStringLiteral("version"), version},
                               {QStringLiteral("accepted_methods"), procedure.acceptedMethods.join(QLatin1Char(','))},
                               {QStringLiteral("valid_from"), procedure.validFrom.toString(Qt::ISODate)}};
            if (auto audited = AuditChain::append(db, {0, now, actor.login, QStringLiteral("policy_changed"),
                                                       QStringLiteral("procedure:") + procedure.key, detail});
                !audited)
                return audited.error();
            return version;
        });
}

} // namespace mado
