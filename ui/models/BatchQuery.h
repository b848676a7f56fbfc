#pragma once

#include "core/domain/Result.h"

#include <QDateTime>
#include <QMap>
#include <QString>

#include <vector>

namespace mado {

class CaseStore;

// What the supervisor's batch page shows, read in one go. Plain values, no personal data.
struct BatchCaseLine {
    qint64 caseId = 0;
    QString reference;
    QString procedure;
    QString state;
    QString outcome;
    QString decidedBy; // login
};

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
    std::vector<BatchCaseLine> unbatched; // decided cases not yet in a batch
    std::vector<BatchLine> batches;       // newest first
};

// Reads the batch page's data. Any thread (the calling thread's connection). Error{Database}.
class BatchQuery {
public:
    static Result<BatchOverview> load(CaseStore &store, qint64 viewerId, int maxBatches = 200);
};

} // namespace mado
