#pragma once

#include "core/domain/Result.h"
#include "core/domain/CaseRecord.h"
#include "core/store/SqlTransaction.h"
#include "core/domain/Actor.h"
#include "core/workflow/WorkflowRules.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QVariantMap>

#include <memory>

namespace mado {

class CaseStore;

// One workflow step in progress: an open write transaction, the acting user loaded inside it and
// "now" from the store's clock. Helpers check the rules, run conditional updates (a refusal when
// no row matched) and append audit entries; nothing is kept unless commit() succeeds.
// Used by CaseWorkflow, BatchWorkflow and CertificateIssuer on the calling thread.
class CaseTransition {
public:
    static Result<std::unique_ptr<CaseTransition>> begin(CaseStore &store, qint64 userId);

    const Actor &actor() const { return m_actor; }
    const QDateTime &now() const { return m_now; }
    const QSqlDatabase &db() const { return m_db; }

    // The case's workflow columns as seen inside this transaction.
    Result<CaseRecord> loadCase(qint64 caseId);
    Status check(const CaseRecord &record, WorkflowAction action) const;
    // Runs an UPDATE/DELETE that must change exactly `expectedRows` rows (1 by default; -1 = any);
    // otherwise returns `refusal`.
    Status update(const QString &statement, const QVariantMap &bindings, const Error &refusal, int expectedRows = 1);
    Status audit(const QString &action, const QString &subject, const QJsonObject &detail = {});
    Status commit();

private:
    CaseTransition(CaseStore &store, QSqlDatabase db);

    CaseStore &m_store;
    QSqlDatabase m_db;
    SqlTransaction m_transaction;
    Actor m_actor;
    QDateTime m_now;
};

} // namespace mado
