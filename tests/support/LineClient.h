#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace mado::test {

// The client side of the LINE simulator: what LINE and the LIFF app send to the receiver, over
// real HTTP (Poco). Independent of the core libraries. Any thread; every call opens its own connection.
class LineClient {
public:
    struct Answer {
        int status = 0; // 0: no answer (refused, reset, timeout)
        QByteArray body;
    };

    // A LINE webhook event object (follow, unfollow, message text or image) from userId.
    static QJsonObject event(const QString &webhookEventId, const QString &type, const QString &userId,
                             const QJsonObject &message = {}, bool redelivery = false);
    // POST {receiverBase}/line/webhook with {"destination", "events"} signed with the channel secret.
    static Answer sendWebhook(const QString &receiverBase, const QByteArray &channelSecret,
                              const QList<QJsonObject> &events);
    // The LIFF app: requests a challenge with the ID token and submits the case bundle directory
    // (case.json and its images, as docs/case-bundle.md) as a multipart application; extraFields
    // are further form fields (e.g. signing=jpki).
    static Answer submitBundle(const QString &receiverBase, const QString &idToken, const QString &bundleDirectory,
                               const QString &idempotencyKey, const QMap<QString, QString> &extraFields = {});
    // Base64 HMAC-SHA256 of body (x-line-signature).
    static QByteArray sign(const QByteArray &channelSecret, const QByteArray &body);
};

} // namespace mado::test
