#pragma once

#include "core/receiver/spool/SpoolRetention.h"

#include <QByteArray>

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace mado {

// Counters of the receiver, rendered in the Prometheus text format (version 0.0.4) for
// GET /metrics. Thread-safe; Poco's server threads count concurrently.
class ReceiverMetrics {
public:
    // The limits against hostile or slow peers (WebhookFront, HandOverGate), counted when they act.
    enum class Limit {
        MemoryBudget,     // a connection with a large request answered 503: the front's memory budget was spent
        RefusalsInARow,   // a connection closed after too many refused webhooks in a row
        HandOversBusy,    // a request for another route answered 503: every hand-over slot was busy
        HandOverDeadline, // a handed-over connection cut: its request took longer than the deadline
        HandOversPerAddress, // a request for another route answered 503: its client address held its share
    };

    // route is a fixed label ("/line/webhook", "other", ...), never a client-supplied path.
    void countRequest(const std::string &route, int status);
    void countWebhookEvents(int stored, int duplicates);
    void countLimit(Limit limit);
    // Bytes the front's connections hold (input, bodies being assembled, answers not sent).
    void setFrontHeldBytes(std::size_t bytes) { m_frontHeldBytes.store(bytes, std::memory_order_relaxed); }
    // Connections handed over and not finished yet.
    void setHandOversActive(int count) { m_handOversActive.store(count, std::memory_order_relaxed); }
    // An event not processed because its timestamp was outside the accepted window (WebhookWorker).
    void countStaleWebhookEvent() { ++m_eventsStale; }
    // spoolPendingEvents < 0 means the spool could not be read; the gauge is then left out.
    QByteArray render(qint64 spoolPendingEvents) const;
    // The spool's group commit counters (SpoolWriter::commits() and writes()).
    static QByteArray renderGroupCommit(quint64 commits, quint64 writes);
    // The spool's retention passes (SpoolScrubber::retentionRuns() and retentionTotals()).
    static QByteArray renderRetention(quint64 runs, const SpoolRetention::Pruned &deleted);

private:
    mutable std::mutex m_mutex;
    std::map<std::pair<std::string, int>, quint64> m_requests;
    std::atomic<quint64> m_eventsStored{0};
    std::atomic<quint64> m_eventsDuplicate{0};
    std::atomic<quint64> m_limits[5] = {};
    std::atomic<std::size_t> m_frontHeldBytes{0};
    std::atomic<int> m_handOversActive{0};
    std::atomic<quint64> m_eventsStale{0};
};

} // namespace mado
