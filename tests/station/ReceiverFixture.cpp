#include "tests/station/ReceiverFixture.h"

#include "core/crypto/Keyring.h"
#include "tests/support/LineClient.h"
#include "tests/receiver/ApplicantTestKit.h"
#include "tests/receiver/HttpTestClient.h"
#include "tests/receiver/IntakeTestKit.h"

#include <QDebug>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>

namespace mado::test {

namespace {
const QString kChannel = QStringLiteral("1650000001");
const QString kUser = QStringLiteral("U4444444444444444444444444444dddd");
const QByteArray kAccessToken = QByteArrayLiteral("test-access-token");
} // namespace

ReceiverFixture::ReceiverFixture()
{
    if (!m_dir.isValid())
        return;
    m_line = std::make_unique<LineSimulator>(kAccessToken);
    if (!m_line->start())
        return;
    auto spool = Spool::open(m_dir.filePath(QStringLiteral("spool.sqlite")));
    if (!spool.ok())
        return;
    m_spool = std::move(spool).value();
    // Sealed as in production: every workstation-side test imports from a sealed spool.
    m_spool->setKeyring(std::make_shared<const Keyring>(DataKey::generate()));
    ReceiverOptions options;
    options.port = 0;
    options.channelSecret = IntakeTestKit::channelSecret();
    options.lineApiBase = m_line->baseUrl();
    options.liffChannelId = kChannel;
    m_receiver = std::make_unique<ReceiverServer>(options, *m_spool);
    if (!m_receiver->start().ok())
        return;
    auto tokens = WorkstationTokens::parse(WorkstationTokens::line(QStringLiteral("counter-a"), token()) + '\n');
    if (!tokens.ok())
        return;
    m_tokens = std::make_unique<WorkstationTokens>(std::move(tokens).value());
    PushWorker::Options pushOptions;
    pushOptions.apiBase = m_line->baseUrl();
    pushOptions.accessToken = kAccessToken;
    pushOptions.baseDelayMs = 20;
    pushOptions.maxDelayMs = 100;
    m_pushes = std::make_unique<PushWorker>(*m_spool, pushOptions);
    m_pushes->start();
    if (!startWorkstationServer(0))
        return;
    m_client = std::make_unique<ReceiverClient>(QStringLiteral("http://127.0.0.1:%1").arg(m_port), token(), 5000);
    m_ok = true;
}

ReceiverFixture::~ReceiverFixture()
{
    m_client.reset();
    if (m_webhooks)
        m_webhooks->stop();
    m_webhooks.reset();
    m_server.reset();
    m_pushes.reset();
    m_receiver.reset();
    m_spool.reset();
    m_line.reset();
}

bool ReceiverFixture::startWorkstationServer(quint16 port)
{
    WorkstationServer::Options wsOptions;
    wsOptions.port = port;
    m_server = std::make_unique<WorkstationServer>(wsOptions, *m_spool, *m_tokens, m_pushes.get());
    if (!m_server->start().ok()) {
        m_server.reset();
        return false;
    }
    m_port = m_server->port();
    return true;
}

QString ReceiverFixture::submit(int n, const QMap<QString, QString> &fields, const QByteArray &documentJpeg)
{
    return submitAs(kUser, n, fields, documentJpeg);
}

QString ReceiverFixture::submitAs(const QString &lineUser, int n, const QMap<QString, QString> &fields,
                                  const QByteArray &documentJpeg)
{
    const QString idToken = m_line->mintIdToken(lineUser, kChannel);
    const auto challenge = HttpTestClient::request(m_receiver->port(), "POST", "/api/v1/challenges", {},
                                                   {{"Authorization", "Bearer " + idToken.toStdString()}});
    const QString nonce = QJsonDocument::fromJson(challenge.body).object().value(QStringLiteral("nonce")).toString();
    QMap<QString, QString> form = ApplicantTestKit::fields(nonce);
    for (auto it = fields.begin(); it != fields.end(); ++it)
        form.insert(it.key(), it.value());
    QMap<QString, QByteArray> images = ApplicantTestKit::images();
    if (!documentJpeg.isEmpty())
        images[QStringLiteral("document_front")] = documentJpeg;
    const MultipartBody body = ApplicantTestKit::body(form, images);
    const auto reply = HttpTestClient::request(m_receiver->port(), "POST", "/api/v1/applications", body.bytes(),
                                               {{"Content-Type", body.contentType()},
                                                {"Authorization", "Bearer " + idToken.toStdString()},
                                                {"Idempotency-Key", "receiver-fixture-" + std::to_string(n)}});
    if (reply.status != 201)
        qWarning() << "submission failed" << reply.status << reply.body;
    return QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("applicationId")).toString();
}

QString ReceiverFixture::submitBundle(const QString &directory, const QString &idempotencyKey,
                                     const QMap<QString, QString> &extraFields)
{
    const auto reply = LineClient::submitBundle(QStringLiteral("http://127.0.0.1:%1").arg(m_receiver->port()),
                                                idToken(), directory, idempotencyKey, extraFields);
    if (reply.status != 201)
        qWarning() << "submission failed" << reply.status << reply.body;
    return QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("applicationId")).toString();
}

quint16 ReceiverFixture::applicantPort() const
{
    return m_receiver->port();
}

QString ReceiverFixture::idToken() const
{
    return m_line->mintIdToken(kUser, kChannel);
}

bool ReceiverFixture::sendChatImage(const QString &messageId, const QByteArray &bytes)
{
    if (!m_webhooks) {
        WebhookWorker::Options options;
        options.apiBase = m_line->baseUrl();
        options.dataApiBase = m_line->baseUrl();
        options.accessToken = kAccessToken;
        m_webhooks = std::make_unique<WebhookWorker>(*m_spool, options);
        m_webhooks->start();
    }
    m_line->setContent(messageId, bytes);
    const auto delivered = LineClient::sendWebhook(
        QStringLiteral("http://127.0.0.1:%1").arg(m_receiver->port()), IntakeTestKit::channelSecret(),
        {LineClient::event(
            QStringLiteral("ev-chat-") + messageId, QStringLiteral("message"), kUser,
            QJsonObject{{QStringLiteral("type"), QStringLiteral("image")}, {QStringLiteral("id"), messageId}})});
    return delivered.status == 200;
}

QString ReceiverFixture::spoolText(const QString &sql) const
{
    return IntakeTestKit::spoolText(m_spool->path(), sql);
}

} // namespace mado::test
