#include "core/bundle/BundleTransfer.h"
#include "core/bundle/CaseBundleReader.h"
#include "core/receiver/ReceiverServer.h"
#include "core/receiver/spool/Spool.h"
#include "core/receiver/spool/WorkstationStore.h"
#include "tests/support/BundleFactory.h"
#include "tests/support/LineClient.h"
#include "tests/support/LineSimulator.h"
#include "tests/support/TestData.h"

#include "HttpTestClient.h"
#include "IntakeTestKit.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;

namespace {
const QString kChannel = QStringLiteral("1650000001");
const QString kUser = QStringLiteral("U7777777777777777777777777777abcd");
const QByteArray kAccessToken = QByteArrayLiteral("test-access-token");
} // namespace

// The simulator's client side against a real receiver: signed webhooks (with redeliveries) and
// LIFF submissions built from case bundles of real face photos; and the madoguchi-linesim program.
class TestLineClient : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void signedWebhooksAndRedeliveries();
    void bundleOfRealPhotosRoundTrips();
    void linesimProgramMintsAndVerifiesTokens();

private:
    QString receiverBase() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_receiver->port()); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::LineSimulator> m_line;
    std::unique_ptr<Spool> m_spool;
    std::unique_ptr<ReceiverServer> m_receiver;
};

void TestLineClient::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
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
}

void TestLineClient::cleanup()
{
    m_receiver.reset();
    m_spool.reset();
    m_line.reset();
    m_dir.reset();
}

void TestLineClient::signedWebhooksAndRedeliveries()
{
    const QJsonObject follow =
        test::LineClient::event(QStringLiteral("01JDEV0000000000000000001"), QStringLiteral("follow"), kUser);
    const auto first = test::LineClient::sendWebhook(receiverBase(), IntakeTestKit::channelSecret(), {follow});
    QCOMPARE(first.status, 200);
    QCOMPARE(QJsonDocument::fromJson(first.body).object().value(QStringLiteral("stored")).toInt(), 1);
    const QJsonObject again =
        test::LineClient::event(QStringLiteral("01JDEV0000000000000000001"), QStringLiteral("follow"), kUser, {}, true);
    const auto redelivered = test::LineClient::sendWebhook(receiverBase(), IntakeTestKit::channelSecret(), {again});
    QCOMPARE(redelivered.status, 200);
    QCOMPARE(QJsonDocument::fromJson(redelivered.body).object().value(QStringLiteral("duplicates")).toInt(), 1);
    const auto forged = test::LineClient::sendWebhook(receiverBase(), "another-channel-secret", {follow});
    QCOMPARE(forged.status, 401);
    const auto stored = m_spool->webhookEvents();
    QVERIFY(stored.ok());
    QCOMPARE(int(stored.value().size()), 1);
}

void TestLineClient::bundleOfRealPhotosRoundTrips()
{
    QStringList frames;
    for (int i = 0; i < 4; ++i)
        frames << test::johnPhoto(QStringLiteral("John_Savage"), i);
    const QString document = test::johnPhoto(QStringLiteral("John_Savage"), 5);
    QVERIFY2(!document.isEmpty() && !frames.contains(QString()), "dlib's sample photos are missing (fetch-models.sh)");
    const QString source = m_dir->filePath(QStringLiteral("source-bundle"));
    QVERIFY(test::BundleFactory::write(source, test::BundleFactory::specimen(frames, document), document, frames));

    const QString idToken = m_line->mintIdToken(kUser, kChannel);
    const auto answer =
        test::LineClient::submitBundle(receiverBase(), idToken, source, QStringLiteral("liff-key-000001"));
    QVERIFY2(answer.status == 201, answer.body.constData());

    // The workstation's view: the same photos, byte for byte, in a bundle the reader accepts.
    WorkstationStore store(*m_spool);
    const auto leases = store.lease(QStringLiteral("pc"), 1, 60);
    QVERIFY(leases.ok() && leases.value().size() == 1);
    const auto files = store.bundleFiles(leases.value()[0].applicationId, QStringLiteral("pc"));
    QVERIFY(files.ok());
    const QString imported = m_dir->filePath(QStringLiteral("imported"));
    QVERIFY(BundleTransfer::unpack(QJsonDocument(BundleTransfer::pack(files.value())).toJson(), imported).ok());
    const auto reader = CaseBundleReader::create();
    QVERIFY(reader.ok());
    const auto bundle = reader.value().read(imported);
    QVERIFY2(bundle.ok(), qPrintable(bundle.ok() ? QString() : bundle.error().message));
    QCOMPARE(bundle.value().applicant.name, QStringLiteral("見本 太郎"));
    for (int i = 0; i < 4; ++i) {
        QFile original(frames.at(i));
        QFile received(QDir(imported).filePath(bundle.value().frames.at(std::size_t(i)).image.file));
        QVERIFY(original.open(QIODevice::ReadOnly) && received.open(QIODevice::ReadOnly));
        QCOMPARE(received.readAll(), original.readAll());
    }
}

void TestLineClient::linesimProgramMintsAndVerifiesTokens()
{
    IntakeTestKit::writeFile(m_dir->filePath(QStringLiteral("token")), kAccessToken + '\n');
    QProcess linesim;
    linesim.start(QStringLiteral(MADO_LINESIM_PATH),
                  {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                   QStringLiteral("--access-token-file"), m_dir->filePath(QStringLiteral("token"))});
    QVERIFY(linesim.waitForStarted(10000));
    QByteArray out;
    QRegularExpressionMatch found;
    const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
    QTRY_VERIFY_WITH_TIMEOUT(
        (out += linesim.readAllStandardOutput(), found = listening.match(QString::fromUtf8(out)), found.hasMatch()),
        10000);
    const quint16 port = quint16(found.captured(1).toUInt());
    const auto minted = HttpTestClient::request(
        port, "POST", "/admin/id-tokens", R"({"userId":"U7777777777777777777777777777abcd","channelId":"1650000001"})",
        {{"Content-Type", "application/json"}});
    QCOMPARE(minted.status, 200);
    const QString token = QJsonDocument::fromJson(minted.body).object().value(QStringLiteral("idToken")).toString();
    QVERIFY(!token.isEmpty());
    const auto verified = HttpTestClient::request(port, "POST", "/oauth2/v2.1/verify",
                                                  "id_token=" + token.toUtf8() + "&client_id=1650000001",
                                                  {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(verified.status, 200);
    QCOMPARE(QJsonDocument::fromJson(verified.body).object().value(QStringLiteral("sub")).toString(), kUser);
    const auto otherChannel = HttpTestClient::request(port, "POST", "/oauth2/v2.1/verify",
                                                      "id_token=" + token.toUtf8() + "&client_id=1650000002",
                                                      {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(otherChannel.status, 400);
    linesim.terminate();
    QVERIFY(linesim.waitForFinished(10000));
    QCOMPARE(linesim.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestLineClient)
#include "TestLineClient.moc"
