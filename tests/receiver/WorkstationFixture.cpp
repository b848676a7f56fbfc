#include "WorkstationFixture.h"

#include "ApplicantTestKit.h"
#include "IntakeTestKit.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTest>


namespace mado {

void WorkstationFixture::start()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_line = std::make_unique<test::LineSimulator>(kAccessToken);
    QVERIFY(m_line->start());
    auto spool = Spool::open(m_dir->filePath(QStringLiteral("spool.sqlite")));
    QVERIFY(spool.ok());
    m_spool = std::move(spool).value();
    ReceiverOptions options;
    options.port = 0;
    options.channelSecret = IntakeTestKit::channelSecret();
    options.lineApiBase = m_line->baseUrl();
    options.liffChannelId = kChannel;
    m_receiver = std::make_unique<ReceiverServer>(options, *m_spool);
    QVERIFY(m_receiver->start().ok());

    auto tokens = WorkstationTokens::parse(WorkstationTokens::line(QStringLiteral("counter-a"), kTokenA) + '\n' +
                                           WorkstationTokens::line(QStringLiteral("counter-b"), kTokenB) + '\n');
    QVERIFY(tokens.ok());
    m_tokens = std::make_unique<WorkstationTokens>(std::move(tokens).value());
    PushWorker::Options pushOptions;
    pushOptions.apiBase = m_line->baseUrl();
    pushOptions.accessToken = kAccessToken;
    pushOptions.baseDelayMs = 20;
    pushOptions.maxDelayMs = 100;
    m_pushes = std::make_unique<PushWorker>(*m_spool, pushOptions);
    m_pushes->start();
    WorkstationServer::Options wsOptions;
    wsOptions.port = 0;
    wsOptions.maxLeases = 3;
    m_server = std::make_unique<WorkstationServer>(wsOptions, *m_spool, *m_tokens, m_pushes.get());
    m_server->setMetrics(&m_receiver->metrics());
    QVERIFY(m_server->start().ok());
}

void WorkstationFixture::stop()
{
    m_server.reset();
    m_pushes.reset();
    m_receiver.reset();
    m_spool.reset();
    m_line.reset();
    m_dir.reset();
}

QString WorkstationFixture::submitApplication(int n, const QString &addressLine)
{
    const QString idToken = m_line->mintIdToken(kUser, kChannel);
    const auto challenge = HttpTestClient::request(m_receiver->port(), "POST", "/api/v1/challenges", {},
                                                   {{"Authorization", "Bearer " + idToken.toStdString()}});
    const QString nonce = json(challenge).value(QStringLiteral("nonce")).toString();
    auto fields = ApplicantTestKit::fields(nonce);
    if (!addressLine.isEmpty())
        fields[QStringLiteral("line")] = addressLine;
    const MultipartBody body = ApplicantTestKit::body(fields, ApplicantTestKit::images());
    const auto reply = HttpTestClient::request(m_receiver->port(), "POST", "/api/v1/applications", body.bytes(),
                                               {{"Content-Type", body.contentType()},
                                                {"Authorization", "Bearer " + idToken.toStdString()},
                                                {"Idempotency-Key", "workstation-test-" + std::to_string(n)}});
    if (reply.status != 201)
        qWarning() << "submission failed" << reply.status << reply.body;
    return json(reply).value(QStringLiteral("applicationId")).toString();
}

QStringList WorkstationFixture::filesContaining(const QByteArray &marker) const
{
    // Every file of the spool's directory as raw bytes: the database, its -wal and -shm, the images.
    QStringList found;
    QDirIterator it(m_dir->path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(marker))
            found << QFileInfo(file).fileName();
    }
    return found;
}

HttpTestClient::Reply WorkstationFixture::ws(const std::string &method, const std::string &path, const QByteArray &body,
                                             const QByteArray &token)
{
    HttpTestClient::Headers headers{{"Content-Type", "application/json"}};
    if (!token.isNull())
        headers.emplace_back("Authorization", "Bearer " + token.toStdString());
    return HttpTestClient::request(m_server->port(), method, path, body, headers);
}

QJsonArray WorkstationFixture::lease(int count, int seconds, const QByteArray &token)
{
    const auto reply =
        ws("POST", "/ws/v1/leases",
           QJsonDocument(QJsonObject{{QStringLiteral("count"), count}, {QStringLiteral("seconds"), seconds}}).toJson(),
           token);
    if (reply.status != 200)
        qWarning() << "lease failed" << reply.status << reply.body;
    return json(reply).value(QStringLiteral("leases")).toArray();
}

QString WorkstationFixture::queryText(const QString &sql) const
{
    return IntakeTestKit::spoolText(m_spool->path(), sql);
}

} // namespace mado
