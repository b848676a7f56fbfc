#pragma once

#include <QByteArray>
#include <QString>

#include <QtGlobal>

#include <string>
#include <vector>

namespace mado::bench {

class BenchSession;

// Signed LINE webhooks for the load generator: webhook `index` carries one event of the given type
// (follow, unfollow) whose webhookEventId is "<tag>-<index>", signed with the channel secret like
// LINE does. prepare() builds every request (headers, body, signature) before the run, so that
// the run measures the server, not the JSON and HMAC work of the load generator. Remembers which
// events the server acknowledged with 200, for the durability check. send() may be called from
// several threads (each index from one thread).
class WebhookLoad {
public:
    WebhookLoad(QByteArray channelSecret, QString tag, QString eventType = QStringLiteral("follow"));

    // Builds requests 0 .. count-1 for a server on 127.0.0.1:port.
    void prepare(int count, quint16 port);
    bool send(BenchSession &session, int index);
    QString eventId(int index) const;
    std::vector<QString> acknowledged() const;

private:
    QByteArray body(int index) const;

    QByteArray m_secret;
    QString m_tag;
    QString m_eventType;
    std::vector<std::string> m_requests;
    std::vector<char> m_acknowledged; // per index; each written by the one thread that sent it
};

} // namespace mado::bench
