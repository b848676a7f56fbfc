#pragma once

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
    // route is a fixed label ("/line/webhook", "other", ...), never a client-supplied path.
    void countRequest(const std::string &route, int status);
    void countWebhookEvents(int stored, int duplicates);
    // An event not processed because its timestamp was outside the accepted window (WebhookWorker).
    void countStaleWebhookEvent() { ++m_eventsStale; }
    // spoolPendingEvents < 0 means the spool could not be read; the gauge is then left out.
    QByteArray render(qint64 spoolPendingEvents) const;
    // The spool's group commit counters (SpoolWriter::commits() and writes()).
    static QByteArray renderGroupCommit(quint64 commits, quint64 writes);

private:
    mutable std::mutex m_mutex;
    std::map<std::pair<std::string, int>, quint64> m_requests;
    std::atomic<quint64> m_eventsStored{0};
    std::atomic<quint64> m_eventsDuplicate{0};
    std::atomic<quint64> m_eventsStale{0};
};

} // namespace mado
