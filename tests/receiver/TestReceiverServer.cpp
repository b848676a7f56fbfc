#include "core/receiver/ReceiverServer.h"
#include "core/receiver/spool/Spool.h"

#include "HttpTestClient.h"
#include "IntakeTestKit.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace mado;

// The receiver's HTTP front over real loopback HTTP, in process and as its own executable.
class TestReceiverServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void healthzAnswersOk();
    void unknownRouteIs404AndWrongMethod405();
    void portInUseIsAClearError();
    void executableStopsCleanlyOnSigterm();
    void executableKeepsAcknowledgedEventsAfterKill();
    void executableNeverLogsBodiesOrSecrets();
    void executableRefusesBadConfiguration_data();
    void executableRefusesBadConfiguration();
    void executableHelpListsConfigurationKeys();

private:
    static ReceiverOptions loopback(int threads);
    // Starts the executable with --config and --listen 127.0.0.1:0 and returns its port (0 on failure).
    quint16 startExecutable(QProcess &receiver, const QByteArray &ini);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Spool> m_spool;
};

ReceiverOptions TestReceiverServer::loopback(int threads)
{
    ReceiverOptions options;
    options.host = QStringLiteral("127.0.0.1");
    options.port = 0;
    options.maxThreads = threads;
    options.channelSecret = IntakeTestKit::channelSecret();
    return options;
}

void TestReceiverServer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto spool = Spool::open(m_dir->filePath(QStringLiteral("server.sqlite")));
    QVERIFY2(spool.ok(), qPrintable(spool.ok() ? QString() : spool.error().message));
    m_spool = std::move(spool).value();
}

void TestReceiverServer::cleanup()
{
    m_spool.reset();
    m_dir.reset();
}

quint16 TestReceiverServer::startExecutable(QProcess &receiver, const QByteArray &ini)
{
    const QString configPath = m_dir->filePath(QStringLiteral("receiver.ini"));
    IntakeTestKit::writeFile(configPath, ini);
    receiver.setProcessChannelMode(QProcess::SeparateChannels);
    receiver.start(QStringLiteral(MADO_RECEIVER_PATH), {QStringLiteral("--config"), configPath,
                                                        QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    if (!receiver.waitForStarted(10000))
        return 0;
    QByteArray out;
    const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
    QRegularExpressionMatch found;
    const bool ended = QTest::qWaitFor(
        [&] {
            out += receiver.readAllStandardOutput();
            found = listening.match(QString::fromUtf8(out));
            return found.hasMatch() || receiver.state() == QProcess::NotRunning;
        },
        10000);
    if (!ended || !found.hasMatch())
        qWarning() << "receiver did not start:" << out << receiver.readAllStandardError();
    return found.hasMatch() ? quint16(found.captured(1).toUInt()) : 0;
}

void TestReceiverServer::healthzAnswersOk()
{
    ReceiverServer server(loopback(4), *m_spool);
    const Status started = server.start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    QVERIFY(server.port() != 0);
    const auto reply = HttpTestClient::request(server.port(), "GET", "/healthz");
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.contentType.find("application/json") == 0);
    QCOMPARE(QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("status")).toString(),
             QStringLiteral("ok"));
    server.stop();
    QVERIFY(!server.isRunning());
}

void TestReceiverServer::unknownRouteIs404AndWrongMethod405()
{
    ReceiverServer server(loopback(4), *m_spool);
    QVERIFY(server.start().ok());
    const auto missing = HttpTestClient::request(server.port(), "GET", "/nothing-here");
    QCOMPARE(missing.status, 404);
    QCOMPARE(QJsonDocument::fromJson(missing.body).object().value(QStringLiteral("error")).toObject().value(
                 QStringLiteral("code")).toString(),
             QStringLiteral("not_found"));
    QCOMPARE(HttpTestClient::request(server.port(), "POST", "/healthz").status, 405);
    QCOMPARE(HttpTestClient::request(server.port(), "GET", "/line/webhook").status, 405);
    QCOMPARE(HttpTestClient::request(server.port(), "POST", "/metrics").status, 405);
}

void TestReceiverServer::portInUseIsAClearError()
{
    ReceiverServer first(loopback(2), *m_spool);
    QVERIFY(first.start().ok());
    ReceiverOptions taken = loopback(2);
    taken.port = first.port();
    ReceiverServer second(taken, *m_spool);
    const Status status = second.start();
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, ErrorCode::Network);
    QVERIFY(status.error().message.contains(QString::number(first.port())));
}

void TestReceiverServer::executableStopsCleanlyOnSigterm()
{
    QProcess receiver;
    // --listen must override the file's (unusable) http.listen.
    const quint16 port =
        startExecutable(receiver, IntakeTestKit::minimalIni(m_dir->path()) + "[http]\nlisten = not-an-address\n");
    QVERIFY(port != 0);
    QCOMPARE(HttpTestClient::request(port, "GET", "/healthz").status, 200);

    ::kill(pid_t(receiver.processId()), SIGTERM);
    QVERIFY(receiver.waitForFinished(10000));
    QCOMPARE(receiver.exitStatus(), QProcess::NormalExit);
    QCOMPARE(receiver.exitCode(), 0);
    const QByteArray out = receiver.readAllStandardOutput();
    QVERIFY2(out.contains("stopped"), out.constData());
}

void TestReceiverServer::executableKeepsAcknowledgedEventsAfterKill()
{
    QProcess receiver;
    const quint16 port = startExecutable(receiver, IntakeTestKit::minimalIni(m_dir->path()));
    QVERIFY(port != 0);
    const QByteArray body =
        IntakeTestKit::webhook({IntakeTestKit::event(QStringLiteral("01KILLTEST0000000000000001"))});
    const auto reply = HttpTestClient::request(
        port, "POST", "/line/webhook", body,
        {{"Content-Type", "application/json"},
         {"x-line-signature", IntakeTestKit::sign(IntakeTestKit::channelSecret(), body).toStdString()}});
    QCOMPARE(reply.status, 200);

    // No shutdown at all: what was acknowledged must already be in the file.
    receiver.kill();
    QVERIFY(receiver.waitForFinished(10000));
    QCOMPARE(receiver.exitStatus(), QProcess::CrashExit);

    auto spool = Spool::open(m_dir->filePath(QStringLiteral("spool.sqlite")));
    QVERIFY2(spool.ok(), qPrintable(spool.ok() ? QString() : spool.error().message));
    const auto events = spool.value()->webhookEvents();
    QVERIFY(events.ok());
    QCOMPARE(events.value().size(), std::size_t(1));
    QCOMPARE(events.value().front().webhookEventId, QStringLiteral("01KILLTEST0000000000000001"));
    // Kept, whether the receiver's worker had handled it ("done") in the moment before the kill or not.
    const QString state = events.value().front().state;
    QVERIFY2(state == QLatin1String("pending") || state == QLatin1String("done"), qPrintable(state));
}

void TestReceiverServer::executableNeverLogsBodiesOrSecrets()
{
    QProcess receiver;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("mado.*=true"));
    receiver.setProcessEnvironment(environment);
    const quint16 port = startExecutable(receiver, IntakeTestKit::minimalIni(m_dir->path()));
    QVERIFY(port != 0);

    const QByteArray marker = "U0000PERSONALDATAMARKER0000000000";
    QByteArray event = IntakeTestKit::event(QStringLiteral("01LOGTEST00000000000000001"));
    event.replace("U4af4980629000000000000000000000a", marker);
    const QByteArray good = IntakeTestKit::webhook({event});
    const QByteArray malformed = "{\"events\":[{\"type\":\"" + marker + "\"}]}";
    const std::string json = "application/json";
    const auto signatureOf = [](const QByteArray &body) {
        return IntakeTestKit::sign(IntakeTestKit::channelSecret(), body).toStdString();
    };
    QCOMPARE(HttpTestClient::request(port, "POST", "/line/webhook", good,
                                     {{"Content-Type", json}, {"x-line-signature", signatureOf(good)}})
                 .status,
             200);
    QCOMPARE(HttpTestClient::request(port, "POST", "/line/webhook", good,
                                     {{"Content-Type", json}, {"x-line-signature", signatureOf("other")}})
                 .status,
             401);
    QCOMPARE(HttpTestClient::request(port, "POST", "/line/webhook", malformed,
                                     {{"Content-Type", json}, {"x-line-signature", signatureOf(malformed)}})
                 .status,
             400);

    ::kill(pid_t(receiver.processId()), SIGTERM);
    QVERIFY(receiver.waitForFinished(10000));
    const QByteArray log = receiver.readAllStandardOutput() + receiver.readAllStandardError();
    QVERIFY2(log.contains("events stored") && log.contains("signature does not match"), log.constData());
    QVERIFY2(!log.contains(marker), log.constData());
    QVERIFY2(!log.contains(IntakeTestKit::channelSecret()), log.constData());
    QVERIFY(!log.contains("test-access-token"));
}

void TestReceiverServer::executableRefusesBadConfiguration_data()
{
    QTest::addColumn<QByteArray>("ini");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::addRow("secret file missing")
        << QByteArray("[line]\nchannel_secret_file = /nonexistent/madoguchi/secret\n"
                      "channel_access_token_file = /nonexistent/token\n[spool]\npath = /tmp/x.sqlite\n")
        << 78 << QStringLiteral("line.channel_secret_file: cannot read '/nonexistent/madoguchi/secret'");
    QTest::addRow("unknown key") << QByteArray("[limits]\nbody_byte = 10\n") << 78
                                 << QStringLiteral("unknown configuration key 'limits.body_byte'");
}

void TestReceiverServer::executableRefusesBadConfiguration()
{
    QFETCH(QByteArray, ini);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QString configPath = m_dir->filePath(QStringLiteral("bad.ini"));
    IntakeTestKit::writeFile(configPath, ini);
    QProcess receiver;
    receiver.start(QStringLiteral(MADO_RECEIVER_PATH), {QStringLiteral("--config"), configPath});
    QVERIFY(receiver.waitForFinished(10000));
    QCOMPARE(receiver.exitStatus(), QProcess::NormalExit);
    QCOMPARE(receiver.exitCode(), exitCode); // EX_CONFIG
    const QString err = QString::fromUtf8(receiver.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
}

void TestReceiverServer::executableHelpListsConfigurationKeys()
{
    QProcess receiver;
    receiver.start(QStringLiteral(MADO_RECEIVER_PATH), {QStringLiteral("--help")});
    QVERIFY(receiver.waitForFinished(10000));
    QCOMPARE(receiver.exitCode(), 0);
    const QByteArray out = receiver.readAllStandardOutput();
    for (const char *key :
         {"--config", "http.listen", "line.channel_secret_file", "line.channel_access_token_file", "line.api_base",
          "line.data_api_base", "liff.channel_id", "spool.path", "limits.body_bytes"})
        QVERIFY2(out.contains(key), key);

    QProcess withoutConfig;
    withoutConfig.start(QStringLiteral(MADO_RECEIVER_PATH), {});
    QVERIFY(withoutConfig.waitForFinished(10000));
    QCOMPARE(withoutConfig.exitCode(), 64); // EX_USAGE
    QVERIFY(withoutConfig.readAllStandardError().contains("--config FILE is required"));
}

QTEST_GUILESS_MAIN(TestReceiverServer)
#include "TestReceiverServer.moc"
