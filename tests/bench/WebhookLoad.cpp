#include "tests/bench/WebhookLoad.h"

#include "tests/bench/EventLoopLoad.h"
#include "tests/support/LineClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mado::bench {

WebhookLoad::WebhookLoad(QByteArray channelSecret, QString tag, QString eventType)
    : m_secret(std::move(channelSecret)), m_tag(std::move(tag)), m_eventType(std::move(eventType))
{
}

QString WebhookLoad::eventId(int index) const
{
    return QStringLiteral("%1-%2").arg(m_tag).arg(index, 6, 10, QLatin1Char('0'));
}

QByteArray WebhookLoad::body(int index) const
{
    // A fictitious user per event; LINE user ids are "U" and 32 hex digits.
    const QString user = QStringLiteral("U%1").arg(qHash(eventId(index)), 32, 16, QLatin1Char('0'));
    const QJsonObject event = test::LineClient::event(eventId(index), m_eventType, user);
    return QJsonDocument(QJsonObject{{QStringLiteral("destination"), QStringLiteral("Udeadbeefdeadbeefdeadbeefdeadbeef")},
                                     {QStringLiteral("events"), QJsonArray{event}}})
        .toJson(QJsonDocument::Compact);
}

void WebhookLoad::prepare(int count, quint16 port)
{
    m_port = port;
    m_requests.clear();
    m_requests.reserve(std::size_t(std::max(count, 0)));
    m_acknowledged.assign(std::size_t(std::max(count, 0)), 0);
    for (int i = 0; i < count; ++i) {
        const QByteArray b = body(i);
        std::string request = "POST /line/webhook HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                              "\r\nConnection: Keep-Alive\r\nContent-Type: application/json\r\n"
                              "x-line-signature: " +
                              test::LineClient::sign(m_secret, b).toStdString() +
                              "\r\nContent-Length: " + std::to_string(b.size()) + "\r\n\r\n";
        request.append(b.constData(), std::size_t(b.size()));
        m_requests.push_back(std::move(request));
    }
}

LoadResult WebhookLoad::run(int senders)
{
    std::vector<int> statuses;
    const LoadResult result = EventLoopLoad::run(m_port, senders, m_requests, &statuses);
    for (std::size_t i = 0; i < statuses.size(); ++i)
        m_acknowledged[i] = statuses[i] == 200 ? 1 : 0;
    return result;
}

std::vector<QString> WebhookLoad::acknowledged() const
{
    std::vector<QString> ids;
    for (std::size_t i = 0; i < m_acknowledged.size(); ++i) {
        if (m_acknowledged[i])
            ids.push_back(eventId(int(i)));
    }
    return ids;
}

} // namespace mado::bench
