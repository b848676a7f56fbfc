#pragma once

#include "core/domain/Result.h"
#include "core/domain/QueueEntry.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

namespace mado {

class CaseStore;

// What a queue page shows; empty fields do not filter. A plain value.
struct QueueFilter {
    QStringList states;    // case state names ("verified", "claimed", ...); empty: every state
    QString band;          // AI band of the latest verdict ("match", "review", "mismatch")
    QString procedure;     // procedure key
    qint64 assigneeId = 0; // > 0: only cases assigned to this user ("mine")
    QString reference;     // part of the reference number, matched literally (no wildcards)
};

// One page of the queue in arrival order (ascending case id) and whether another may follow.
struct QueuePage {
    std::vector<QueueEntry> entries;
    bool more = false;
};

// The one queue of the case store, for the workstation's queue page, the CLI and the tests: pages
// of cases after a given case id (keyset paging on the primary key, so every page costs the same
// however deep the scroll), filtered, with the latest verdict's summary and the assignee's login,
// and the number of cases per state. No personal data, nothing audited. QueueEntry::available is
// computed for the viewing user at the store clock's now. Plain, portable SQL (LIMIT, LIKE with
// ESCAPE, a correlated MAX) that PostgreSQL runs as it is; each statement is written once, here.
// Any thread: uses the calling thread's connection. Fails with Error{Database}.
class CaseQueue {
public:
    static constexpr int kDefaultPageSize = 200;

    explicit CaseQueue(CaseStore &store) : m_store(store) {}

    // States of cases that wait for clerk work: verified, held, claimed, returned.
    static QStringList waitingStates();

    // Up to `limit` cases with an id above `afterId` that pass `filter`, ascending by id.
    Result<QueuePage> page(qint64 viewerId, const QueueFilter &filter, qint64 afterId = 0,
                           int limit = kDefaultPageSize);
    // Cases per state name in the whole store (states without cases are absent).
    Result<QMap<QString, qint64>> countsPerState();

private:
    CaseStore &m_store;
};

} // namespace mado
