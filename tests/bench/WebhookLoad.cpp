#include "tests/bench/WebhookLoad.h"

#include "tests/bench/BenchSession.h"
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

bool WebhookLoad::send(BenchSession &session, int index)
{
    // A fictitious user per event; LINE user ids are "U" and 32 hex digits.
    const QString user = QStringLiteral("U%1").arg(qHash(eventId(index)), 32, 16, QLatin1Char('0'));
    const QJsonObject event = test::LineClient::event(eventId(index), m_eventType, user);
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("destination"), QStringLiteral("Udeadbeefdeadbeefdeadbeefdeadbeef")},
                                  {QStringLiteral("events"), QJsonArray{event}}})
            .toJson(QJsonDocument::Compact);
    const auto answer = session.post("/line/webhook", body,
                                     {{"Content-Type", "application/json"},
                                      {"x-line-signature", test::LineClient::sign(m_secret, body).toStdString()}});
    if (answer.status != 200)
        return false;
    std::lock_guard<std::mutex> lock(m_mutex);
    m_acknowledged.push_back(eventId(index));
    return true;
}

std::vector<QString> WebhookLoad::acknowledged() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_acknowledged;
}

} // namespace mado::bench
