#include "tests/support/LineClient.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>

#include <string>
#include <utility>
#include <vector>

namespace mado::test {

namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

LineClient::Answer post(const QString &url, const QByteArray &body, const Headers &headers)
{
    try {
        const Poco::URI uri(url.toStdString());
        Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
        session.setTimeout(Poco::Timespan(30, 0));
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, uri.getPathEtc(),
                                       Poco::Net::HTTPMessage::HTTP_1_1);
        for (const auto &[name, value] : headers)
            request.set(name, value);
        request.setContentLength(body.size());
        session.sendRequest(request).write(body.constData(), body.size());
        Poco::Net::HTTPResponse response;
        std::string answer;
        Poco::StreamCopier::copyToString(session.receiveResponse(response), answer);
        return LineClient::Answer{int(response.getStatus()), QByteArray::fromStdString(answer)};
    } catch (const Poco::Exception &) {
        return LineClient::Answer{};
    }
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

QByteArray LineClient::sign(const QByteArray &channelSecret, const QByteArray &body)
{
    return QMessageAuthenticationCode::hash(body, channelSecret, QCryptographicHash::Sha256).toBase64();
}

QJsonObject LineClient::event(const QString &webhookEventId, const QString &type, const QString &userId,
                              const QJsonObject &message, bool redelivery)
{
    QJsonObject object{{QStringLiteral("type"), type},
                       {QStringLiteral("mode"), QStringLiteral("active")},
                       {QStringLiteral("timestamp"), double(QDateTime::currentMSecsSinceEpoch())},
                       {QStringLiteral("source"), QJsonObject{{QStringLiteral("type"), QStringLiteral("user")},
                                                              {QStringLiteral("userId"), userId}}},
                       {QStringLiteral("webhookEventId"), webhookEventId},
                       {QStringLiteral("deliveryContext"), QJsonObject{{QStringLiteral("isRedelivery"), redelivery}}}};
    if (type != QLatin1String("unfollow"))
        object.insert(QStringLiteral("replyToken"), QStringLiteral("reply-") + webhookEventId);
    if (!message.isEmpty())
        object.insert(QStringLiteral("message"), message);
    return object;
}

LineClient::Answer LineClient::sendWebhook(const QString &receiverBase, const QByteArray &channelSecret,
                                           const QList<QJsonObject> &events)
{
    QJsonArray list;
    for (const QJsonObject &e : events)
        list.append(e);
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("destination"), QStringLiteral("Udeadbeefdeadbeefdeadbeefdeadbeef")},
                                  {QStringLiteral("events"), list}})
            .toJson(QJsonDocument::Compact);
    return post(receiverBase + QStringLiteral("/line/webhook"), body,
                {{"Content-Type", "application/json"}, {"x-line-signature", sign(channelSecret, body).toStdString()}});
}

LineClient::Answer LineClient::submitBundle(const QString &receiverBase, const QString &idToken,
                                            const QString &bundleDirectory, const QString &idempotencyKey,
                                            const QMap<QString, QString> &extraFields)
{
    const std::string auth = "Bearer " + idToken.toStdString();
    const Answer challenge = post(receiverBase + QStringLiteral("/api/v1/challenges"), {}, {{"Authorization", auth}});
    if (challenge.status != 201)
        return challenge;
    const QJsonObject issued = QJsonDocument::fromJson(challenge.body).object();
    const QString nonce = issued.value(QStringLiteral("nonce")).toString();
    const QDir dir(bundleDirectory);
    const QJsonObject manifest = QJsonDocument::fromJson(readFile(dir.filePath(QStringLiteral("case.json")))).object();
    const QJsonObject applicant = manifest.value(QStringLiteral("applicant")).toObject();
    const QJsonObject address = applicant.value(QStringLiteral("address")).toObject();
    const QJsonObject contact = applicant.value(QStringLiteral("contact")).toObject();
    const QJsonObject document = manifest.value(QStringLiteral("document")).toObject();

    const QByteArray boundary = "----MadoLiffBoundary" + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    QByteArray body;
    auto field = [&](const char *name, const QString &value) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value.toUtf8() +
                "\r\n";
    };
    auto file = [&](const QString &name, const QString &fileName) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name.toUtf8() + "\"; filename=\"" +
                fileName.toUtf8() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" +
                readFile(dir.filePath(fileName)) + "\r\n";
    };
    field("procedure", applicant.value(QStringLiteral("procedure")).toString());
    field("name", applicant.value(QStringLiteral("name")).toString());
    field("kana", applicant.value(QStringLiteral("kana")).toString());
    field("dateOfBirth", applicant.value(QStringLiteral("dateOfBirth")).toString());
    field("postalCode", address.value(QStringLiteral("postalCode")).toString());
    field("prefecture", address.value(QStringLiteral("prefecture")).toString());
    field("city", address.value(QStringLiteral("city")).toString());
    field("line", address.value(QStringLiteral("line")).toString());
    field("phone", contact.value(QStringLiteral("phone")).toString());
    if (contact.contains(QStringLiteral("email")))
        field("email", contact.value(QStringLiteral("email")).toString());
    field("copies", QString::number(applicant.value(QStringLiteral("copies")).toInt()));
    field("documentType", document.value(QStringLiteral("type")).toString());
    field("challenge", nonce);
    for (auto it = extraFields.begin(); it != extraFields.end(); ++it)
        field(qPrintable(it.key()), it.value());
    file(QStringLiteral("document_front"), document[QStringLiteral("front")][QStringLiteral("file")].toString());
    if (document.contains(QStringLiteral("tilted")))
        file(QStringLiteral("document_tilted"), document[QStringLiteral("tilted")][QStringLiteral("file")].toString());
    // An applicant who follows the challenge: with a pool/ folder (front.jpg, left.jpg, ...), the
    // frames are the pool's pictures for the directions the receiver asked for.
    const QJsonArray frames = manifest[QStringLiteral("selfie")][QStringLiteral("frames")].toArray();
    // A direction asked a second time takes pool/<direction>-2.jpg when there is one.
    const QJsonArray asked = issued.value(QStringLiteral("directions")).toArray();
    QMap<QString, int> times;
    for (int i = 0; i < frames.size(); ++i) {
        QString name = frames[i][QStringLiteral("image")][QStringLiteral("file")].toString();
        const QString step = i == 0 ? QStringLiteral("front") : asked.at(i - 1).toString();
        const int occurrence = ++times[step];
        const QString first = QStringLiteral("pool/%1.jpg").arg(step);
        const QString second = QStringLiteral("pool/%1-2.jpg").arg(step);
        if (occurrence > 1 && QFileInfo::exists(dir.filePath(second)))
            name = second;
        else if (QFileInfo::exists(dir.filePath(first)))
            name = first;
        file(QStringLiteral("frame%1").arg(i), name);
    }
    body += "--" + boundary + "--\r\n";
    return post(receiverBase + QStringLiteral("/api/v1/applications"), body,
                {{"Content-Type", "multipart/form-data; boundary=" + boundary.toStdString()},
                 {"Authorization", auth},
                 {"Idempotency-Key", idempotencyKey.toStdString()}});
}

} // namespace mado::test
