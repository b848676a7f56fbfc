#pragma once

#include "core/domain/Result.h"
#include "core/net/HttpCall.h"

#include "core/image/ImageLimits.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace mado {

class ReceiverMetrics;
class Spool;

// Processes the stored LINE webhook events after the 200, from its own thread, oldest first:
//   follow          marks the user as following and replies with the LIFF link and a short
//                   Japanese explanation (POST {api_base}/v2/bot/message/reply)
//   unfollow        marks the user as not following (nothing can be sent to them)
//   message text    with a reference number (MDG-YYMM-NNNNN-C): replies with that application's
//                   state if it belongs to the sender, else a guidance reply
//   message image   downloads {data_api_base}/v2/bot/message/{id}/content at once, with retries and
//                   backoff; checks it (UploadedImage); if the sender has an application in state
//                   resubmission_requested it is stored durably with it (table resubmitted_images,
//                   file under <spool>-files/resubmissions/), else discarded; replies accordingly
//                   At most maxResubmittedImages images and maxResubmittedBytes bytes are kept per
//                   resubmission request; more are refused with a reply that says so
// Other types are marked done. An event whose timestamp is older than retentionDays (or more than
// maxClockSkewSeconds in the future) is marked done without being processed, and counted
// (madoguchi_receiver_webhook_events_stale_total): its id may no longer be in the spool, so it
// could be a captured webhook replayed after its deduplication row was purged (an unfollow that
// would silence the resident's notices); LINE itself never sends such an event. A step that fails
// on the network (LINE unreachable, 5xx, 429) leaves the event pending with backoff until
// maxAttempts, then failed. Never logs texts, user ids or tokens. The write that marks an event
// done or failed also clears its body (personal data), keeping webhook_event_id, type, received_at
// and state, so that a redelivery is still recognised; processed rows older than retentionDays
// plus maxClockSkewSeconds (by received_at) are deleted by the spool's retention pass
// (SpoolRetention, with the same two figures), so that a replay is refused by its timestamp before
// its row goes. start()/stop() from any thread.
class WebhookWorker {
public:
    struct Options {
        QString apiBase;
        QString dataApiBase;
        QByteArray accessToken; // never logged
        QString liffUrl;        // e.g. https://liff.line.me/1650000001-AbCdEfGh
        int contentAttempts = 4;
        int contentBaseDelayMs = 500;
        int baseDelayMs = 2000;
        int maxAttempts = 8;
        int timeoutMs = 10000;
        int retentionDays = 7; // processed events' ids are kept this long for deduplication
        // Tolerated difference between LINE's clock and ours, for the events' timestamps.
        int maxClockSkewSeconds = 600;
        // Per application and resubmission request.
        int maxResubmittedImages = 12;
        qint64 maxResubmittedBytes = 64 * 1024 * 1024;
        // While webhooks keep arriving, the worker pauses this long between batches, so that the
        // spool's commits go to the webhooks first: LINE waits at most 2 s for its 200, a reply
        // can wait a few milliseconds. 0: no pause.
        int yieldToWebhooksMs = 20;
        ImageLimits imageLimits{8 * 1024 * 1024, 40'000'000, 12'000};
    };

    WebhookWorker(Spool &spool, Options options);
    ~WebhookWorker();
    WebhookWorker(const WebhookWorker &) = delete;
    WebhookWorker &operator=(const WebhookWorker &) = delete;

    void start();
    void stop();
    // Processes every due pending event once; returns how many were looked at.
    int runOnce(const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Counts refused stale events in metrics (Call before start(); metrics must outlive the worker).
    void setMetrics(ReceiverMetrics *metrics) { m_metrics = metrics; }

private:
    enum class Step { Done, Retry };
    Step process(const QJsonObject &event, const QDateTime &now);
    Step reply(const QString &replyToken, const QString &text);
    Step onText(const QString &userId, const QString &replyToken, const QString &text);
    Step onImage(const QString &userId, const QString &replyToken, const QString &messageId);
    // Queues the user's follow state for the batch's write (runOnce), so that it is committed
    // with the events' outcomes: an event is done only once its state change is durable.
    void setFollowing(const QString &userId, bool following);
    // The sender's application waiting for new photos (empty id: none) and what it already got.
    struct OpenResubmission {
        QString id;
        int images = 0;
        qint64 bytes = 0;
    };
    Result<OpenResubmission> openResubmission(const QString &userId);
    QString allowanceText() const;
    void run();

    Spool &m_spool;
    Options m_options;
    ReceiverMetrics *m_metrics = nullptr;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    quint64 m_deliveriesSeen = 0; // Spool::webhookDeliveriesStored() at the last batch
    std::thread m_thread;
    // Only on the thread that runs runOnce().
    HttpCall::Client m_api; // kept alive to options.apiBase (replies)
    struct FollowState {
        QByteArray userId;
        bool following;
    };
    std::vector<FollowState> m_follows; // of the batch being processed
};

} // namespace mado
