#include "core/workflow/CaseTransition.h"

#include "core/store/ActorRecord.h"
#include "core/store/AuditChain.h"
#include "core/store/CaseStore.h"
#include "core/store/Sql.h"

namespace mado {

CaseTransition::CaseTransition(CaseStore &store, QSqlDatabase db)
    : m_store(store), m_db(db), m_transaction(db), m_now(store.clock().now())
{
}

Result<std::unique_ptr<CaseTransition>> CaseTransition::begin(CaseStore &store, qint64 userId)
{
    auto db = store.connections().database();
    if (!db)
        return db.error();
    std::unique_ptr<CaseTransition> transition(new CaseTransition(store, db.value()));
    if (!transition->m_transaction.begun().ok())
        return transition->m_transaction.begun().error();
    auto actor = loadActor(transition->m_db, userId);
    if (!actor)
        return actor.error();
    transition->m_actor = actor.value();
    return transition;
}

Result<CaseRecord> CaseTransition::loadCase(qint64 caseId)
{
    return m_store.caseStatus(caseId);
}

Status CaseTransition::check(const CaseRecord &record, WorkflowAction action) const
{
    return WorkflowRules::check(m_actor.role, record.state, action);
}

Status CaseTransition::update(const QString &statement, const QVariantMap &bindings, const Error &refusal,
                              int expectedRows)
{
    auto query = Sql::run(m_db, statement, bindings);
    if (!query)
        return query.error();
    if (expectedRows >= 0 && query.value().numRowsAffected() != expectedRows)
        return refusal;
    return {};
}

Status CaseTransition::audit(const QString &action, const QString &subject, const QJsonObject &detail)
{
    return AuditChain::append(m_db, {0, m_now, m_actor.login, action, subject, detail});
}

Status CaseTransition::commit()
{
    return m_transaction.commit();
}

} // namespace mado
