#pragma once

#include "core/domain/Result.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace mado {

class CaseStore;

// One case on the supervisor's batch page. A plain value without personal data.
struct BatchCaseLine {
    qint64 caseId = 0;
    QString reference;
    QString procedure;
    QString state;
    QString outcome;   // the clerk's decision ("approved", "rejected", "resubmission_requested")
    QString decidedBy; // login
};

// One batch with its cases.
struct BatchLine {
    qint64 id = 0;
    QString state; // submitted, approved
    QString submittedBy;
    QDateTime submittedAt;
    QString approvedBy;
    bool containsOwnDecision = false; // the viewing supervisor decided a case in it (four eyes)
    std::vector<BatchCaseLine> cases;
};

struct BatchOverview {
    std::vector<BatchCaseLine> unbatched; // decided cases not yet in a batch, ascending by id
    std::vector<BatchLine> batches;       // newest first
};

// Reads what the supervisor's batch page shows, in three statements of portable SQL (each written
// once, here): the decided cases outside any batch, the newest `maxBatches` batches with whether
// the viewer decided a case in them, and those batches' cases. Not audited (no personal data).
// Any thread: the calling thread's connection. Fails with Error{Database}.
class BatchOverviewQuery {
public:
    explicit BatchOverviewQuery(CaseStore &store) : m_store(store) {}

    Result<BatchOverview> load(qint64 viewerId, int maxBatches = 200);

private:
    CaseStore &m_store;
};

} // namespace mado
