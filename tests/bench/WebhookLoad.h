#pragma once

#include "tests/bench/LoadRun.h"

#include <QByteArray>
#include <QString>

#include <QtGlobal>

#include <string>
#include <vector>

namespace mado::bench {

// Signed LINE webhooks for the load generator: webhook `index` carries one event of the given type
// (follow, unfollow) whose webhookEventId is "<tag>-<index>", signed with the channel secret like
// LINE does. prepare() builds every request (headers, body, signature) before the run, so that
// the run measures the server, not the JSON and HMAC work of the load generator. run() sends them
// (EventLoopLoad) and remembers which events the server acknowledged with 200, for the durability
// check. From one thread.
class WebhookLoad {
public:
    WebhookLoad(QByteArray channelSecret, QString tag, QString eventType = QStringLiteral("follow"));

    // Builds requests 0 .. count-1 for a server on 127.0.0.1:port.
    void prepare(int count, quint16 port);
    // Sends the prepared requests over `senders` concurrent connections.
    LoadResult run(int senders);
    QString eventId(int index) const;
    std::vector<QString> acknowledged() const;

private:
    QByteArray body(int index) const;

    QByteArray m_secret;
    QString m_tag;
    QString m_eventType;
    quint16 m_port = 0;
    std::vector<std::string> m_requests;
    std::vector<char> m_acknowledged; // per index
};

} // namespace mado::bench
