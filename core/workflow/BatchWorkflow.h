#pragma once

#include "core/domain/Result.h"
#include "core/workflow/WorkflowOptions.h"

#include <QList>
#include <QString>

namespace mado {

class CaseStore;

// Batches of decided cases for the supervisor's four-eyes approval. Approval needs the
// supervisor's password again (UserDirectory::reauthenticate: audited, counts towards lock-out), and is refused
// (FourEyesViolation) when the supervisor ever decided a case in the batch: checked in core first, then again by the
// approving UPDATE's NOT EXISTS in the same transaction, so no interleaving can slip past. A supervisor may instead
// return one case to the clerk who decided it, with a comment. One transaction per call, with its audit entries.
class BatchWorkflow {
public:
    BatchWorkflow(CaseStore &store, WorkflowOptions options = {});

    Result<qint64> submit(qint64 userId, const QList<qint64> &caseIds);
    Status approve(qint64 supervisorId, qint64 batchId, const QString &password);
    Status returnCase(qint64 supervisorId, qint64 batchId, qint64 caseId, const QString &comment);

private:
    CaseStore &m_store;
    WorkflowOptions m_options;
};

} // namespace mado
