#include "core/receiver/line/WebhookWorker.h"

#include "core/crypto/Keyring.h"
#include "core/crypto/SealedFile.h"
#include "core/receiver/spool/DurableFiles.h"
#include "core/net/HttpCall.h"
#include "core/receiver/IntakeLog.h"
#include "core/receiver/ReceiverMetrics.h"
#include "core/receiver/api/ReferenceNumber.h"
#include "core/receiver/spool/Spool.h"
#include "core/database/Sqlite.h"
#include "core/database/SqliteTransaction.h"
#include "core/receiver/api/UploadedImage.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <vector>

namespace mado {

namespace {

// Worth trying again later: no answer, or LINE busy or failing.
bool transient(const Result<HttpCall::Reply> &reply)
{
    if (!reply)
        return reply.error().code == ErrorCode::Network;
    return reply.value().status >= 500 || reply.value().status == 429;
}

QString stateText(const QString &state)
{
    if (state == QLatin1String("received"))
        return QStringLiteral("受け付けました。職員の確認をお待ちください。");
    if (state == QLatin1String("acknowledged"))
        return QStringLiteral("職員が確認しています。");
    if (state == QLatin1String("approved"))
        return QStringLiteral("承認されました。証明書の発行をお待ちください。");
    if (state == QLatin1String("rejected"))
        return QStringLiteral("お受けできませんでした。");
    if (state == QLatin1String("resubmission_requested"))
        return QStringLiteral("書類の再提出をお願いしています。このトークに写真を送ってください。");
    if (state == QLatin1String("issued"))
        return QStringLiteral("証明書を発行し、郵送しました。");
    if (state == QLatin1String("import_failed"))
        return QStringLiteral("お送りいただいた写真を読み取れなかったため、受け付けできませんでした。"
                              "お手数ですが、もう一度お申し込みください。");
    return QStringLiteral("確認中です。");
}

struct PendingEvent {
    qint64 id = 0;
    QByteArray json;
    int attempts = 0;
};

} // namespace

WebhookWorker::WebhookWorker(Spool &spool, Options options) : m_spool(spool), m_options(std::move(options)) {}

WebhookWorker::~WebhookWorker()
{
    stop();
}

void WebhookWorker::start()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
}

void WebhookWorker::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void WebhookWorker::run()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_stopping) {
        lock.unlock();
        // Rows just handled get a later next_attempt_at when they failed, so a busy spool is
        // drained batch after batch without spinning on failures.
        const int handled = runOnce();
        const quint64 deliveries = m_spool.webhookDeliveriesStored();
        const bool webhooksArriving = deliveries != m_deliveriesSeen;
        m_deliveriesSeen = deliveries;
        lock.lock();
        if (handled > 0) {
            if (webhooksArriving && m_options.yieldToWebhooksMs > 0)
                m_wake.wait_for(lock, std::chrono::milliseconds(m_options.yieldToWebhooksMs),
                                [this] { return m_stopping; });
            continue;
        }
        // New events are picked up within 200 ms; LINE's reply tokens stay valid for about a minute.
        m_wake.wait_for(lock, std::chrono::milliseconds(200), [this] { return m_stopping; });
    }
}

int WebhookWorker::runOnce(const QDateTime &now)
{
    const auto due = m_spool.locked([&](sqlite3 *db) -> Result<std::vector<PendingEvent>> {
        auto select = Sqlite::prepare(db, "SELECT id, body, attempts FROM webhook_events WHERE state = 'pending' "
                                          "AND next_attempt_at <= ?1 ORDER BY id LIMIT 32");
        if (!select)
            return select.error();
        Sqlite::bindText(select.value().get(), 1, Sqlite::time(now));
        std::vector<PendingEvent> rows;
        while (sqlite3_step(select.value().get()) == SQLITE_ROW)
            rows.push_back(PendingEvent{sqlite3_column_int64(select.value().get(), 0),
                                        Sqlite::bytes(select.value().get(), 1),
                                        sqlite3_column_int(select.value().get(), 2)});
        return rows;
    });
    if (!due) {
        qCWarning(lcIntake) << "webhook events unreadable:" << due.error().message;
        return 0;
    }
    struct Outcome {
        qint64 id;
        QByteArray state;
        int attempts;
        QByteArray next;
    };
    std::vector<Outcome> outcomes;
    m_follows.clear();
    for (const PendingEvent &event : due.value()) {
        const Step step = process(QJsonDocument::fromJson(event.json).object(), now);
        const int attempts = event.attempts + 1;
        const QByteArray state =
            step == Step::Done ? "done" : (attempts >= m_options.maxAttempts ? "failed" : "pending");
        const qint64 delay = qint64(m_options.baseDelayMs) << std::min(attempts - 1, 16);
        if (state != "done")
            qCWarning(lcIntake) << "webhook event" << event.id << "attempt" << attempts << "->" << state;
        outcomes.push_back(Outcome{event.id, state, attempts, Sqlite::time(now.addMSecs(delay))});
    }
    if (outcomes.empty() && m_follows.empty())
        return 0;
    // One write for the batch, in the spool's group commit (sharing the fsync with the requests'
    // writes). A crash before it re-processes the batch: replies are then refused by LINE (reply
    // tokens are single-use), the other steps are idempotent.
    const Status saved = m_spool.committed([&](sqlite3 *db) -> Status {
        if (!m_follows.empty()) {
            auto upsert =
                Sqlite::prepare(db, "INSERT INTO line_users (user_id, following, updated_at) VALUES (?1, ?2, ?3) "
                                    "ON CONFLICT (user_id) DO UPDATE SET following = ?2, updated_at = ?3");
            if (!upsert)
                return upsert.error();
            const QByteArray at = Sqlite::time(QDateTime::currentDateTimeUtc());
            for (const FollowState &follow : m_follows) {
                sqlite3_reset(upsert.value().get());
                Sqlite::bindText(upsert.value().get(), 1, follow.userId);
                sqlite3_bind_int(upsert.value().get(), 2, follow.following ? 1 : 0);
                Sqlite::bindText(upsert.value().get(), 3, at);
                if (sqlite3_step(upsert.value().get()) != SQLITE_DONE)
                    return Sqlite::error(db, QStringLiteral("cannot record follow state"));
            }
        }
        // A processed event's body is cleared in the write that records it as processed.
        auto update = Sqlite::prepare(db, "UPDATE webhook_events SET state = ?2, attempts = ?3, next_attempt_at = ?4, "
                                          "body = CASE WHEN ?2 = 'pending' THEN body ELSE '{}' END WHERE id = ?1");
        if (!update)
            return update.error();
        for (const Outcome &outcome : outcomes) {
            sqlite3_reset(update.value().get());
            sqlite3_bind_int64(update.value().get(), 1, outcome.id);
            Sqlite::bindText(update.value().get(), 2, outcome.state);
            sqlite3_bind_int(update.value().get(), 3, outcome.attempts);
            Sqlite::bindText(update.value().get(), 4, outcome.next);
            if (sqlite3_step(update.value().get()) != SQLITE_DONE)
                return Sqlite::error(db, QStringLiteral("cannot update webhook event"));
        }
        return {};
    });
    if (!saved)
        qCWarning(lcIntake) << "webhook events not updated:" << saved.error().message;
    return int(due.value().size());
}

WebhookWorker::Step WebhookWorker::process(const QJsonObject &event, const QDateTime &now)
{
    // LINE's timestamp in milliseconds since the epoch. Missing or outside the window: a replay
    // (or a broken clock); acknowledged (the 200 is long sent) but not acted upon.
    const QJsonValue timestamp = event.value(QStringLiteral("timestamp"));
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 oldest = nowMs - qint64(std::max(1, m_options.retentionDays)) * 86'400'000;
    const qint64 newest = nowMs + qint64(std::max(0, m_options.maxClockSkewSeconds)) * 1000;
    if (!timestamp.isDouble() || timestamp.toDouble() < double(oldest) || timestamp.toDouble() > double(newest)) {
        qCWarning(lcIntake) << "webhook event refused: its timestamp is outside the accepted window (a replay?)";
        if (m_metrics)
            m_metrics->countStaleWebhookEvent();
        return Step::Done;
    }
    const QString type = event.value(QStringLiteral("type")).toString();
    const QString userId = event[QStringLiteral("source")][QStringLiteral("userId")].toString();
    const QString replyToken = event.value(QStringLiteral("replyToken")).toString();
    if (type == QLatin1String("follow")) {
        if (!userId.isEmpty())
            setFollowing(userId, true);
        QString text = QStringLiteral("友だち追加ありがとうございます。\nこのアカウントから、住民票の写しや税証明書を"
                                      "オンラインで申請できます。本人確認のため、マイナンバーカード等の写真と、"
                                      "画面の指示に従って顔を動かす自撮りをお送りいただきます。");
        if (!m_options.liffUrl.isEmpty())
            text += QStringLiteral("\n申請はこちらから: ") + m_options.liffUrl;
        return reply(replyToken, text);
    }
    if (type == QLatin1String("unfollow")) {
        if (!userId.isEmpty())
            setFollowing(userId, false);
        return Step::Done;
    }
    if (type == QLatin1String("message")) {
        const QJsonObject message = event.value(QStringLiteral("message")).toObject();
        const QString messageType = message.value(QStringLiteral("type")).toString();
        if (messageType == QLatin1String("text"))
            return onText(userId, replyToken, message.value(QStringLiteral("text")).toString());
        if (messageType == QLatin1String("image"))
            return onImage(userId, replyToken, message.value(QStringLiteral("id")).toString());
    }
    return Step::Done;
}

WebhookWorker::Step WebhookWorker::reply(const QString &replyToken, const QString &text)
{
    if (replyToken.isEmpty())
        return Step::Done;
    const QJsonObject body{
        {QStringLiteral("replyToken"), replyToken},
        {QStringLiteral("messages"),
         QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}}}}};
    const auto answer = m_api.request("POST", m_options.apiBase + QStringLiteral("/v2/bot/message/reply"),
                                     {{"Authorization", "Bearer " + m_options.accessToken.toStdString()}},
                                     QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json",
                                     m_options.timeoutMs, 64 * 1024);
    if (transient(answer))
        return Step::Retry;
    // A 4xx (an expired reply token, for instance) cannot be fixed by retrying.
    if (answer.value().status >= 400)
        qCWarning(lcIntake) << "reply refused by LINE with" << answer.value().status;
    return Step::Done;
}

WebhookWorker::Step WebhookWorker::onText(const QString &userId, const QString &replyToken, const QString &text)
{
    static const QRegularExpression referencePattern(QStringLiteral("MDG-\\d{4}-\\d{5,12}-\\d"));
    const QRegularExpressionMatch match = referencePattern.match(text.toUpper());
    if (!match.hasMatch())
        return reply(replyToken, QStringLiteral("申請の状況は、受付番号（例: MDG-2611-00042-9）を送ってください。"));
    const QString reference = match.captured(0);
    if (!ReferenceNumber::isValid(reference))
        return reply(replyToken,
                     QStringLiteral("受付番号 %1 は正しくありません。番号をご確認ください。").arg(reference));
    const auto state = m_spool.locked([&](sqlite3 *db) -> Result<QString> {
        auto select = Sqlite::prepare(db, "SELECT state FROM applications WHERE reference = ?1 AND user_id = ?2");
        if (!select)
            return select.error();
        Sqlite::bindText(select.value().get(), 1, reference.toUtf8());
        Sqlite::bindText(select.value().get(), 2, userId.toUtf8());
        return sqlite3_step(select.value().get()) == SQLITE_ROW ? Sqlite::text(select.value().get(), 0) : QString();
    });
    if (!state)
        return Step::Retry;
    // Another user's reference is answered like an unknown one.
    if (state.value().isEmpty())
        return reply(replyToken, QStringLiteral("受付番号 %1 の申請は見つかりませんでした。").arg(reference));
    return reply(replyToken, QStringLiteral("受付番号 %1: ").arg(reference) + stateText(state.value()));
}

WebhookWorker::Step WebhookWorker::onImage(const QString &userId, const QString &replyToken, const QString &messageId)
{
    static const QRegularExpression idPattern(QStringLiteral("^[0-9A-Za-z]{1,64}$"));
    if (!idPattern.match(messageId).hasMatch())
        return Step::Done;
    // A retried event whose photo was stored before a crash (the event not yet marked done): it
    // counts once, and the allowance it used does not refuse it now.
    const auto known = m_spool.locked([&](sqlite3 *db) -> Result<bool> {
        auto select = Sqlite::prepare(db, "SELECT 1 FROM resubmitted_images WHERE message_id = ?1");
        if (!select)
            return select.error();
        Sqlite::bindText(select.value().get(), 1, messageId.toUtf8());
        return sqlite3_step(select.value().get()) == SQLITE_ROW;
    });
    if (!known)
        return Step::Retry;
    if (known.value())
        return reply(replyToken, QStringLiteral("写真を受け付けました。職員が確認します。"));
    // An application whose allowance is used up: refused without downloading.
    const auto before = openResubmission(userId);
    if (!before)
        return Step::Retry;
    if (!before.value().id.isEmpty() && (before.value().images >= m_options.maxResubmittedImages ||
                                         before.value().bytes >= m_options.maxResubmittedBytes)) {
        qCInfo(lcIntake) << "resubmitted image refused for application" << before.value().id << ": limit reached";
        return reply(replyToken, allowanceText());
    }
    // Download at once: LINE deletes message content after a while.
    Result<HttpCall::Reply> content = Error{ErrorCode::Network, QStringLiteral("not tried")};
    for (int attempt = 0; attempt < m_options.contentAttempts; ++attempt) {
        if (attempt > 0) {
            std::unique_lock<std::mutex> lock(m_mutex);
            const auto delay = std::chrono::milliseconds(qint64(m_options.contentBaseDelayMs) << (attempt - 1));
            if (m_wake.wait_for(lock, delay, [this] { return m_stopping; }))
                return Step::Retry;
        }
        content = HttpCall::request("GET",
                                    m_options.dataApiBase + QStringLiteral("/v2/bot/message/%1/content").arg(messageId),
                                    {{"Authorization", "Bearer " + m_options.accessToken.toStdString()}}, {}, {},
                                    m_options.timeoutMs, m_options.imageLimits.maxBytes + 1);
        if (!transient(content))
            break;
    }
    if (transient(content))
        return Step::Retry;
    if (!content)
        return reply(replyToken, QStringLiteral("画像が大きすぎます。小さくしてから送ってください。"));
    if (content.value().status != 200)
        return reply(replyToken, QStringLiteral("画像を受け取れませんでした。もう一度送ってください。"));
    const auto checked = UploadedImage::check(content.value().body, m_options.imageLimits);
    if (!checked)
        return reply(replyToken, QStringLiteral("画像を読み取れませんでした。JPEGまたはPNGの写真を送ってください。"));

    const auto open = openResubmission(userId);
    if (!open)
        return Step::Retry;
    if (open.value().id.isEmpty())
        return reply(replyToken, QStringLiteral("書類の再提出をお願いしている申請はありません。"
                                                "新しい申請はメニューの「申請する」からどうぞ。"));
    // Only the image is kept: what a phone or an attacker appended after its end marker is dropped.
    const QByteArray image = content.value().body.left(checked.value().end);
    const qint64 size = image.size();
    if (open.value().images >= m_options.maxResubmittedImages ||
        open.value().bytes + size > m_options.maxResubmittedBytes) {
        qCInfo(lcIntake) << "resubmitted image refused for application" << open.value().id << ": limit reached";
        return reply(replyToken, allowanceText());
    }

    const QString directory = m_spool.filesDirectory() + QStringLiteral("/resubmissions");
    const QString file =
        messageId + (checked.value().format == ImageFormat::Png ? QStringLiteral(".png") : QStringLiteral(".jpg"));
    const QString path = directory + QLatin1Char('/') + file;
    if (!QDir().mkpath(directory))
        return Step::Retry;
    // A retried event may find its file already written (the row is what counts).
    if (!QFileInfo::exists(path)) {
        const QString temp = directory + QStringLiteral("/.tmp-") + file;
        QFile::remove(temp);
        const Status written = m_spool.keyring() ? SealedFile::write(temp, image, *m_spool.keyring())
                                                 : DurableFiles::writeNew(temp, image);
        if (!written || !DurableFiles::renameDurably(temp, path))
            return Step::Retry;
    }
    const Status stored = m_spool.locked([&](sqlite3 *db) -> Status {
        SqliteTransaction transaction(db);
        if (!transaction.begun().ok())
            return transaction.begun();
        auto insert =
            Sqlite::prepare(db, "INSERT INTO resubmitted_images (message_id, application_id, file, received_at, bytes) "
                                "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (message_id) DO NOTHING");
        if (!insert)
            return insert.error();
        Sqlite::bindText(insert.value().get(), 1, messageId.toUtf8());
        Sqlite::bindText(insert.value().get(), 2, open.value().id.toUtf8());
        Sqlite::bindText(insert.value().get(), 3, file.toUtf8());
        Sqlite::bindText(insert.value().get(), 4, Sqlite::time(QDateTime::currentDateTimeUtc()));
        sqlite3_bind_int64(insert.value().get(), 5, size);
        if (sqlite3_step(insert.value().get()) != SQLITE_DONE)
            return Sqlite::error(db, QStringLiteral("cannot store resubmitted image"));
        if (sqlite3_changes(db) == 1) {
            auto count = Sqlite::prepare(db, "UPDATE applications SET resubmitted_count = resubmitted_count + 1, "
                                             "resubmitted_bytes = resubmitted_bytes + ?2 WHERE id = ?1");
            if (!count)
                return count.error();
            Sqlite::bindText(count.value().get(), 1, open.value().id.toUtf8());
            sqlite3_bind_int64(count.value().get(), 2, size);
            if (sqlite3_step(count.value().get()) != SQLITE_DONE)
                return Sqlite::error(db, QStringLiteral("cannot count resubmitted image"));
        }
        insert = Sqlite::Statement();
        return transaction.commit();
    });
    if (!stored)
        return Step::Retry;
    qCInfo(lcIntake) << "resubmitted image stored for application" << open.value().id;
    return reply(replyToken, QStringLiteral("写真を受け付けました。職員が確認します。"));
}

Result<WebhookWorker::OpenResubmission> WebhookWorker::openResubmission(const QString &userId)
{
    return m_spool.locked([&](sqlite3 *db) -> Result<OpenResubmission> {
        auto select = Sqlite::prepare(db, "SELECT id, resubmitted_count, resubmitted_bytes FROM applications "
                                          "WHERE user_id = ?1 AND state = 'resubmission_requested' "
                                          "ORDER BY seq DESC LIMIT 1");
        if (!select)
            return select.error();
        Sqlite::bindText(select.value().get(), 1, userId.toUtf8());
        sqlite3_stmt *s = select.value().get();
        if (sqlite3_step(s) != SQLITE_ROW)
            return OpenResubmission{};
        return OpenResubmission{Sqlite::text(s, 0), sqlite3_column_int(s, 1), sqlite3_column_int64(s, 2)};
    });
}

QString WebhookWorker::allowanceText() const
{
    return QStringLiteral("この申請で再提出いただける写真は%1枚（合計%2MB）までです。これ以上はお受けできません。"
                          "職員からのご連絡をお待ちください。")
        .arg(m_options.maxResubmittedImages)
        .arg(m_options.maxResubmittedBytes / (1024 * 1024));
}

void WebhookWorker::setFollowing(const QString &userId, bool following)
{
    m_follows.push_back(FollowState{userId.toUtf8(), following});
}

} // namespace mado
