#include "core/receiver/ReceiverMetrics.h"

namespace mado {

namespace {

void family(QByteArray &out, const char *name, const char *type, const char *help)
{
    out += QByteArray("# HELP ") + name + ' ' + help + '\n';
    out += QByteArray("# TYPE ") + name + ' ' + type + '\n';
}

} // namespace

void ReceiverMetrics::countRequest(const std::string &route, int status)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    ++m_requests[{route, status}];
}

void ReceiverMetrics::countWebhookEvents(int stored, int duplicates)
{
    m_eventsStored += quint64(stored);
    m_eventsDuplicate += quint64(duplicates);
}

void ReceiverMetrics::countLimit(Limit limit)
{
    ++m_limits[int(limit)];
}

QByteArray ReceiverMetrics::render(qint64 spoolPendingEvents) const
{
    QByteArray out;
    family(out, "madoguchi_receiver_http_requests_total", "counter", "HTTP requests answered, by route and status.");
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (const auto &[key, count] : m_requests) {
            // Routes are fixed strings of the receiver, so they need no label escaping.
            out += "madoguchi_receiver_http_requests_total{route=\"" + QByteArray::fromStdString(key.first) +
                   "\",status=\"" + QByteArray::number(key.second) + "\"} " + QByteArray::number(count) + '\n';
        }
    }
    family(out, "madoguchi_receiver_webhook_events_stored_total", "counter",
           "LINE webhook events newly stored in the spool.");
    out += "madoguchi_receiver_webhook_events_stored_total " + QByteArray::number(m_eventsStored.load()) + '\n';
    family(out, "madoguchi_receiver_webhook_events_duplicate_total", "counter",
           "LINE webhook events ignored because their webhookEventId was already spooled.");
    out += "madoguchi_receiver_webhook_events_duplicate_total " + QByteArray::number(m_eventsDuplicate.load()) + '\n';
    family(out, "madoguchi_receiver_limit_hits_total", "counter",
           "Requests refused or connections closed by a limit against hostile or slow peers, by limit.");
    const char *const limits[] = {"memory_budget", "refusals_in_a_row", "handovers_busy", "handover_deadline",
                                  "handovers_per_address"};
    for (int i = 0; i < 5; ++i) {
        out += QByteArray("madoguchi_receiver_limit_hits_total{limit=\"") + limits[i] + "\"} " +
               QByteArray::number(m_limits[i].load()) + '\n';
    }
    family(out, "madoguchi_receiver_front_held_bytes", "gauge",
           "Bytes the webhook front's connections hold: input, bodies being assembled, answers not sent.");
    out += "madoguchi_receiver_front_held_bytes " + QByteArray::number(quint64(m_frontHeldBytes.load())) + '\n';
    family(out, "madoguchi_receiver_handovers_active", "gauge",
           "Connections handed over to the applicant API's threads and not finished.");
    out += "madoguchi_receiver_handovers_active " + QByteArray::number(m_handOversActive.load()) + '\n';
    family(out, "madoguchi_receiver_webhook_events_stale_total", "counter",
           "LINE webhook events not processed: timestamp older than the retention or in the future (replays).");
    out += "madoguchi_receiver_webhook_events_stale_total " + QByteArray::number(m_eventsStale.load()) + '\n';
    if (spoolPendingEvents >= 0) {
        family(out, "madoguchi_receiver_spool_pending_events", "gauge",
               "Webhook events in the spool waiting to be processed.");
        out += "madoguchi_receiver_spool_pending_events " + QByteArray::number(spoolPendingEvents) + '\n';
    }
    return out;
}

QByteArray ReceiverMetrics::renderRetention(quint64 runs, const SpoolRetention::Pruned &deleted)
{
    QByteArray out;
    family(out, "madoguchi_receiver_retention_runs_total", "counter",
           "Retention passes over the spool since the start (spool.prune_interval_minutes).");
    out += "madoguchi_receiver_retention_runs_total " + QByteArray::number(runs) + '\n';
    family(out, "madoguchi_receiver_retention_deleted_total", "counter",
           "Rows the retention passes deleted, by kind.");
    const std::pair<const char *, qint64> kinds[] = {{"challenge", deleted.challenges},
                                                     {"webhook_event", deleted.webhookEvents},
                                                     {"application", deleted.applications},
                                                     {"push", deleted.pushes},
                                                     {"resubmitted_image", deleted.resubmittedImages},
                                                     {"unsigned_application", deleted.unsignedExpired}};
    for (const auto &[kind, count] : kinds)
        out += QByteArray("madoguchi_receiver_retention_deleted_total{kind=\"") + kind + "\"} " +
               QByteArray::number(count) + '\n';
    return out;
}

QByteArray ReceiverMetrics::renderGroupCommit(quint64 commits, quint64 writes)
{
    QByteArray out;
    family(out, "madoguchi_receiver_spool_commits_total", "counter", "Group commits of the spool, one fsync each.");
    out += "madoguchi_receiver_spool_commits_total " + QByteArray::number(commits) + '\n';
    family(out, "madoguchi_receiver_spool_writes_total", "counter",
           "Request writes (webhook events, challenges, applications) committed in those group commits.");
    out += "madoguchi_receiver_spool_writes_total " + QByteArray::number(writes) + '\n';
    return out;
}

} // namespace mado
