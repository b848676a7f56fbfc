#pragma once

#include <QByteArray>
#include <QString>

#include <mutex>
#include <vector>

namespace mado::bench {

class BenchSession;

// Signed LINE webhooks for the load generator: webhook `index` carries one event of the given type
// (follow, unfollow) whose webhookEventId is "<tag>-<index>", signed with the channel secret like
// LINE does. Remembers the
// ids of the events the server acknowledged with 200, for the durability check. send() may be
// called from several threads.
class WebhookLoad {
public:
    WebhookLoad(QByteArray channelSecret, QString tag, QString eventType = QStringLiteral("follow"));

    bool send(BenchSession &session, int index);
    QString eventId(int index) const;
    std::vector<QString> acknowledged() const;

private:
    QByteArray m_secret;
    QString m_tag;
    QString m_eventType;
    mutable std::mutex m_mutex;
    std::vector<QString> m_acknowledged;
};

} // namespace mado::bench
