#include "core/crypto/Keyring.h"
#include "core/crypto/SealedFile.h"
#include "core/receiver/spool/Spool.h"
#include "core/receiver/spool/SpoolSealing.h"
#include "tests/support/LineSimulator.h"

#include "ApplicantTestKit.h"
#include "HttpTestClient.h"
#include "IntakeTestKit.h"

#include <Poco/Exception.h>

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

using namespace mado;

namespace {
const QString kChannel = QStringLiteral("1650000001");
const QByteArray kAccessToken = QByteArrayLiteral("test-access-token");
constexpr int kApplications = 1000;
constexpr int kSenders = 6;
constexpr int kKillAfter = 400; // 2xx answers seen before the kill
} // namespace

// Crash safety of the applicant API: the receiver executable takes applications from several
// threads and is killed with SIGKILL part-way. After a restart, every application that was
// answered 2xx is in the spool exactly once, complete, and no other application is half there.
class TestReceiverCrash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void acknowledgedApplicationsSurviveKill9();

private:
    quint16 startReceiver(QProcess &receiver);
    struct Outcome {
        int status = 0; // 0: no answer (connection refused or reset)
        QString reference;
    };

    QTemporaryDir m_dir;
    std::unique_ptr<test::LineSimulator> m_line;
    QString m_ini;
};

void TestReceiverCrash::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_line = std::make_unique<test::LineSimulator>(kAccessToken);
    QVERIFY(m_line->start());
    IntakeTestKit::writeFile(m_dir.filePath(QStringLiteral("challenge_key")), "crash-test-challenge-key-0123\n");
    m_ini = m_dir.filePath(QStringLiteral("receiver.ini"));
    IntakeTestKit::writeFile(m_ini,
                             IntakeTestKit::minimalIni(m_dir.path()) +
                                 QStringLiteral("[http]\nmax_threads = 8\n[line]\napi_base = %1\n"
                                                "[liff]\nchannel_id = %2\n[challenge]\nkey_file = %3\n")
                                     .arg(m_line->baseUrl(), kChannel, m_dir.filePath(QStringLiteral("challenge_key")))
                                     .toUtf8());
}

quint16 TestReceiverCrash::startReceiver(QProcess &receiver)
{
    receiver.setProcessChannelMode(QProcess::SeparateChannels);
    receiver.start(QStringLiteral(MADO_RECEIVER_PATH),
                   {QStringLiteral("--config"), m_ini, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    if (!receiver.waitForStarted(10000))
        return 0;
    QByteArray out;
    const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
    QRegularExpressionMatch found;
    static_cast<void>(QTest::qWaitFor(
        [&] {
            out += receiver.readAllStandardOutput();
            found = listening.match(QString::fromUtf8(out));
            return found.hasMatch() || receiver.state() == QProcess::NotRunning;
        },
        10000));
    if (!found.hasMatch())
        qWarning() << "receiver did not start:" << out << receiver.readAllStandardError();
    return found.hasMatch() ? quint16(found.captured(1).toUInt()) : 0;
}

void TestReceiverCrash::acknowledgedApplicationsSurviveKill9()
{
    QProcess receiver;
    const quint16 port = startReceiver(receiver);
    QVERIFY(port != 0);

    std::vector<Outcome> outcomes(kApplications);
    std::vector<QString> users(kApplications);
    std::atomic<int> next{0};
    std::atomic<int> acknowledged{0};
    std::mutex killMutex;
    QElapsedTimer clock;
    clock.start();
    auto sender = [&] {
        while (true) {
            const int i = next++;
            if (i >= kApplications)
                return;
            users[std::size_t(i)] = QStringLiteral("U%1").arg(i, 32, 10, QLatin1Char('0'));
            Outcome &outcome = outcomes[std::size_t(i)];
            try {
                const QString idToken = m_line->mintIdToken(users[std::size_t(i)], kChannel);
                const std::string auth = "Bearer " + idToken.toStdString();
                const auto challenge =
                    HttpTestClient::request(port, "POST", "/api/v1/challenges", {}, {{"Authorization", auth}});
                if (challenge.status != 201) {
                    outcome.status = challenge.status;
                    continue;
                }
                const QString nonce =
                    QJsonDocument::fromJson(challenge.body).object().value(QStringLiteral("nonce")).toString();
                const MultipartBody body =
                    ApplicantTestKit::body(ApplicantTestKit::fields(nonce), ApplicantTestKit::images());
                const auto reply = HttpTestClient::request(port, "POST", "/api/v1/applications", body.bytes(),
                                                           {{"Content-Type", body.contentType()},
                                                            {"Authorization", auth},
                                                            {"Idempotency-Key", "crash-key-" + std::to_string(i)}});
                outcome.status = reply.status;
                outcome.reference =
                    QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("reference")).toString();
                if (reply.status == 201)
                    ++acknowledged;
            } catch (const Poco::Exception &) {
                outcome.status = 0; // refused or reset: the receiver is gone
            }
        }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < kSenders; ++t)
        threads.emplace_back(sender);
    // SIGKILL while requests are in flight (polled, no sleep).
    QTRY_VERIFY_WITH_TIMEOUT(acknowledged.load() >= kKillAfter, 60000);
    receiver.kill();
    QVERIFY(receiver.waitForFinished(10000));
    const int sentWhenKilled = next.load();
    for (auto &t : threads)
        t.join();
    const qint64 elapsedMs = clock.elapsed();

    int answered2xx = 0, answeredOther = 0, unanswered = 0;
    for (const Outcome &o : outcomes) {
        if (o.status == 201)
            ++answered2xx;
        else if (o.status == 0)
            ++unanswered;
        else {
            ++answeredOther;
            qWarning() << "unexpected answer" << o.status;
        }
    }
    qInfo("%d applications answered 201 in %lld ms (%.1f/s, %d senders); %d unanswered, %d other answers; "
          "%d requests started when the kill was confirmed",
          answered2xx, elapsedMs, answered2xx * 1000.0 / double(elapsedMs), kSenders, unanswered, answeredOther,
          sentWhenKilled);
    QVERIFY(answered2xx >= kKillAfter);
    QVERIFY2(unanswered > 0, "the kill came after every request; the test proved nothing");
    QCOMPARE(answeredOther, 0);

    // Restart: recovery removes incomplete image directories.
    QProcess restarted;
    const quint16 port2 = startReceiver(restarted);
    QVERIFY(port2 != 0);
    QCOMPARE(HttpTestClient::request(port2, "GET", "/healthz").status, 200);

    const Keyring keyring(DataKey::loadFile(m_dir.filePath(QStringLiteral("spool.key")), QStringLiteral("key")).value());
    const auto readAll = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    sqlite3 *db = nullptr;
    const QString spoolPath = m_dir.filePath(QStringLiteral("spool.sqlite"));
    QCOMPARE(sqlite3_open_v2(spoolPath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_busy_timeout(db, 5000); // the spool scrubber may be truncating the log
    sqlite3_stmt *statement = nullptr;
    QCOMPARE(sqlite3_prepare_v2(db, "SELECT idempotency_key, reference, id, manifest FROM applications", -1, &statement,
                                nullptr),
             SQLITE_OK);
    std::map<QString, int> rowsByKey;
    std::map<QString, QString> referenceByKey;
    QSet<QString> ids;
    int incomplete = 0;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        const QString key = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        ++rowsByKey[key];
        referenceByKey[key] = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 1)));
        const QString id = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 2)));
        ids.insert(id);
        // Every stored application is complete: each image its manifest names is there, byte-exact.
        // Sealed with the receiver's key (IntakeTestKit::minimalIni's spool.key).
        const auto json = SpoolSealing::openManifest(
            QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(statement, 3))), &keyring);
        QVERIFY2(json.ok(), qPrintable(json.ok() ? QString() : json.error().message));
        const QJsonObject manifest = QJsonDocument::fromJson(json.value()).object();
        QJsonArray images{manifest[QStringLiteral("document")][QStringLiteral("front")]};
        for (const QJsonValue &frame : manifest[QStringLiteral("selfie")][QStringLiteral("frames")].toArray())
            images.append(frame[QStringLiteral("image")]);
        for (const QJsonValue &image : images) {
            const auto bytes = SealedFile::read(spoolPath + QStringLiteral("-files/") + id + QLatin1Char('/') +
                                                    image[QStringLiteral("file")].toString(),
                                                &keyring);
            const bool ok = bytes.ok() && Keyring::isSealed(readAll(spoolPath + QStringLiteral("-files/") + id +
                                                                    QLatin1Char('/') +
                                                                    image[QStringLiteral("file")].toString())) &&
                            QCryptographicHash::hash(bytes.value(), QCryptographicHash::Sha256).toHex() ==
                                image[QStringLiteral("sha256")].toString().toLatin1();
            if (!ok)
                ++incomplete;
        }
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    QCOMPARE(incomplete, 0);
    for (int i = 0; i < kApplications; ++i) {
        const QString key = QStringLiteral("crash-key-%1").arg(i);
        const Outcome &o = outcomes[std::size_t(i)];
        if (o.status == 201) {
            QVERIFY2(rowsByKey[key] == 1, qPrintable(key));
            QCOMPARE(referenceByKey[key], o.reference);
        } else {
            QVERIFY2(rowsByKey[key] <= 1, qPrintable(key));
        }
    }
    // No image directory without its row (what a crash between rename and commit leaves).
    QStringList dirs =
        QDir(spoolPath + QStringLiteral("-files")).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QString &dir : dirs)
        QVERIFY2(ids.contains(dir), qPrintable(dir));
    QCOMPARE(dirs.size(), ids.size());

    // An applicant whose request got no answer retries with the same key and the same challenge
    // (or gets the stored reference if the commit had happened): never a second application.
    int retried = 0;
    for (int i = 0; i < kApplications && retried < 5; ++i) {
        if (outcomes[std::size_t(i)].status == 201)
            continue;
        ++retried;
        const std::string auth = "Bearer " + m_line->mintIdToken(users[std::size_t(i)], kChannel).toStdString();
        const auto challenge =
            HttpTestClient::request(port2, "POST", "/api/v1/challenges", {}, {{"Authorization", auth}});
        QCOMPARE(challenge.status, 201);
        const QString nonce =
            QJsonDocument::fromJson(challenge.body).object().value(QStringLiteral("nonce")).toString();
        const MultipartBody body = ApplicantTestKit::body(ApplicantTestKit::fields(nonce), ApplicantTestKit::images());
        const auto reply = HttpTestClient::request(port2, "POST", "/api/v1/applications", body.bytes(),
                                                   {{"Content-Type", body.contentType()},
                                                    {"Authorization", auth},
                                                    {"Idempotency-Key", "crash-key-" + std::to_string(i)}});
        QCOMPARE(reply.status, 201);
        const QString key = QStringLiteral("crash-key-%1").arg(i);
        if (rowsByKey[key] == 1)
            QCOMPARE(QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("reference")).toString(),
                     referenceByKey[key]);
    }
    restarted.terminate();
    QVERIFY(restarted.waitForFinished(10000));
    QCOMPARE(restarted.exitCode(), 0);

    // The logs of both runs name ids, references and counts, never personal data or secrets.
    const QByteArray logs = receiver.readAllStandardOutput() + receiver.readAllStandardError() +
                            restarted.readAllStandardOutput() + restarted.readAllStandardError();
    QVERIFY(logs.contains("application stored: \"MDG-"));
    for (const QByteArray &secret : {QByteArray("見本"), QByteArray("ミホン"), QByteArray("03-0000-0000"),
                                     QByteArray("100-0001"), QByteArray("1985-07-15"), QByteArray("simid-"),
                                     QByteArray("crash-test-challenge-key"), QByteArray("U0000000000"),
                                     IntakeTestKit::channelSecret(), QByteArray("test-access-token")})
        QVERIFY2(!logs.contains(secret), secret.constData());
}

QTEST_GUILESS_MAIN(TestReceiverCrash)
#include "TestReceiverCrash.moc"
