#pragma once

#include "core/domain/Result.h"

#include <QDateTime>
#include <QMap>
#include <QString>

#include <vector>

namespace mado {

class CaseStore;

// What the queue shows: empty fields do not filter. Plain value.
struct QueueFilter {
    QString state;         // case state name ("verified", "batched", ...)
    QString band;          // AI band of the latest verdict ("match", "review", "mismatch")
    QString procedure;     // procedure key
    qint64 mineUserId = 0; // > 0: only cases assigned to this user
    QString reference;     // part of the reference number
};

// One queue line, without personal data. Plain value.
struct QueueRow {
    qint64 id = 0;
    QString reference;
    QString procedure;
    QDateTime receivedAt;
    QString band;
    QString flags; // "check:reason" of every non-passing check, comma-separated
    QString state;
    QString assignee; // login
};

// One page of the queue (keyset paging on cases.id) plus the case counts per state.
struct QueuePage {
    std::vector<QueueRow> rows;
    bool more = false;              // a next page may exist
    QMap<QString, qint64> perState; // only filled when asked for
    QString error;                  // set by the model's worker when the query failed
};

// The queue's SQL: pages of cases after a given id, filtered, ordered by id (arrival order).
// Any thread: uses the calling thread's connection of the store. Fails with Error{Database}.
class QueueQuery {
public:
    static Result<QueuePage> page(CaseStore &store, const QueueFilter &filter, qint64 afterId, int limit,
                                  bool withCounts);
};

} // namespace mado
