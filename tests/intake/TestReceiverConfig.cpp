#include "core/intake/ReceiverConfig.h"

#include "IntakeTestKit.h"

#include <Poco/AutoPtr.h>
#include <Poco/Util/IniFileConfiguration.h>

#include <QTemporaryDir>
#include <QTest>

#include <sstream>

using namespace mado;

// Loading and validating the receiver's INI configuration, with real files for the secrets.
class TestReceiverConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void minimalFileGetsDefaults();
    void everyKeyIsRead();
    void invalidConfiguration_data();
    void invalidConfiguration();
    void unknownKeyIsReported();
    void helpListsEveryKey();

private:
    static Poco::AutoPtr<Poco::Util::IniFileConfiguration> parse(const QByteArray &ini);
    static Result<ReceiverConfig> load(const QByteArray &ini) { return ReceiverConfig::load(*parse(ini)); }
    QString path(const char *name) const { return m_dir->filePath(QLatin1String(name)); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestReceiverConfig::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestReceiverConfig::cleanup()
{
    m_dir.reset();
}

Poco::AutoPtr<Poco::Util::IniFileConfiguration> TestReceiverConfig::parse(const QByteArray &ini)
{
    std::istringstream in(ini.toStdString());
    return new Poco::Util::IniFileConfiguration(in);
}

void TestReceiverConfig::minimalFileGetsDefaults()
{
    const auto config = load(IntakeTestKit::minimalIni(m_dir->path()));
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().message));
    const ReceiverConfig &c = config.value();
    QCOMPARE(c.listenHost, QStringLiteral("127.0.0.1"));
    QCOMPARE(c.listenPort, quint16(8480));
    QCOMPARE(c.maxThreads, 128);
    QCOMPARE(c.requestSeconds, 120);
    QCOMPARE(c.channelSecret, IntakeTestKit::channelSecret()); // trailing newline trimmed
    QCOMPARE(c.channelAccessToken, QByteArray("test-access-token"));
    QCOMPARE(c.lineApiBase, QStringLiteral("https://api.line.me"));
    QCOMPARE(c.lineDataApiBase, QStringLiteral("https://api-data.line.me"));
    QVERIFY(c.liffChannelId.isEmpty());
    QCOMPARE(c.spoolPath, path("spool.sqlite"));
    QCOMPARE(c.maxBodyBytes, qint64(1048576));
    QCOMPARE(c.webhookRetentionDays, 7);
    QCOMPARE(c.spoolMinFreeBytes, qint64(1073741824));

    const ReceiverOptions options = c.serverOptions();
    QCOMPARE(options.spoolMinFreeBytes, qint64(1073741824));
    QCOMPARE(options.uploadsPerUser, 2);
    QCOMPARE(options.uploadsTotal, 16);
    QCOMPARE(options.idTokenCacheEntries, 10000);
    QCOMPARE(options.failedTokenBurst, 10);
    QCOMPARE(options.failedTokensPerMinute, 6);
    QCOMPARE(options.channelSecret, IntakeTestKit::channelSecret());
    QCOMPARE(options.maxBodyBytes, qint64(1048576));
    QCOMPARE(options.port, quint16(8480));
}

void TestReceiverConfig::everyKeyIsRead()
{
    const QByteArray ini = IntakeTestKit::minimalIni(m_dir->path()) +
                           "[http]\nlisten = [::1]:9000\nmax_threads = 4\nrequest_seconds = 30\n"
                           "[line]\napi_base = http://127.0.0.1:7001/\ndata_api_base = http://127.0.0.1:7002\n"
                           "[liff]\nchannel_id = 1657000000\nurl = https://liff.line.me/1657000000-AbCd\n"
                           "token_cache_entries = 50\nfailed_tokens_burst = 4\nfailed_tokens_per_minute = 2\n"
                           "[limits]\nbody_bytes = 2048\napplication_bytes = 1048576\nimage_bytes = 65536\n"
                           "image_pixels = 2000000\nuploads_per_user = 3\nuploads_total = 9\n"
                           "[spool]\nwebhook_retention_days = 3\nmin_free_bytes = 0\n"
                           "[challenge]\nkey_file = " + path("challenge_key").toUtf8() + "\nlifetime_seconds = 300\nper_user_per_hour = 5\n"
                           "[workstation]\nlisten = 127.0.0.1:9001\ntokens_file = " + path("tokens").toUtf8() + "\n";
    IntakeTestKit::writeFile(path("challenge_key"), "challenge-key-0123456789\n");
    IntakeTestKit::writeFile(path("tokens"), "# counter PCs\n" + WorkstationTokens::line(QStringLiteral("pc-1"), "secret-1") +
                                                 "\n" + WorkstationTokens::line(QStringLiteral("pc-2"), "secret-2") + "\n");
    QVERIFY(ReceiverConfig::checkKnownKeys(*parse(ini)).ok());
    const auto config = load(ini);
    QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().message));
    const ReceiverConfig &c = config.value();
    QCOMPARE(c.listenHost, QStringLiteral("::1"));
    QCOMPARE(c.listenPort, quint16(9000));
    QCOMPARE(c.maxThreads, 4);
    QCOMPARE(c.requestSeconds, 30);
    QCOMPARE(c.serverOptions().handOverDeadline, std::chrono::milliseconds(30'000));
    QCOMPARE(c.lineApiBase, QStringLiteral("http://127.0.0.1:7001"));
    QCOMPARE(c.lineDataApiBase, QStringLiteral("http://127.0.0.1:7002"));
    QCOMPARE(c.liffChannelId, QStringLiteral("1657000000"));
    QCOMPARE(c.maxBodyBytes, qint64(2048));
    QCOMPARE(c.webhookRetentionDays, 3);
    QCOMPARE(c.challengeKey, QByteArray("challenge-key-0123456789"));
    QCOMPARE(c.challengeLifetimeSeconds, 300);
    QCOMPARE(c.liffUrl, QStringLiteral("https://liff.line.me/1657000000-AbCd"));
    QCOMPARE(c.maxApplicationBytes, qint64(1048576));
    QCOMPARE(c.imageLimits.maxBytes, qint64(65536));
    QCOMPARE(c.imageLimits.maxPixels, qint64(2000000));
    const ReceiverOptions options = c.serverOptions();
    QCOMPARE(options.challengeKey, c.challengeKey);
    QCOMPARE(options.liffChannelId, QStringLiteral("1657000000"));
    QCOMPARE(options.lineApiBase, QStringLiteral("http://127.0.0.1:7001"));
    QCOMPARE(options.challengeLifetimeSeconds, 300);
    QCOMPARE(options.maxChallengesPerHour, 5);
    QCOMPARE(options.maxApplicationBytes, qint64(1048576));
    QCOMPARE(options.imageLimits.maxPixels, qint64(2000000));
    QCOMPARE(options.idTokenCacheEntries, 50);
    QCOMPARE(options.failedTokenBurst, 4);
    QCOMPARE(options.failedTokensPerMinute, 2);
    QCOMPARE(options.uploadsPerUser, 3);
    QCOMPARE(options.uploadsTotal, 9);
    QCOMPARE(options.spoolMinFreeBytes, qint64(0));
    QVERIFY(c.workstationApiEnabled());
    QCOMPARE(c.workstationHost, QStringLiteral("127.0.0.1"));
    QCOMPARE(c.workstationPort, quint16(9001));
    QCOMPARE(c.workstationTokens.size(), std::size_t(2));
    QCOMPARE(c.workstationTokens.authenticate("secret-2"), std::optional<QString>(QStringLiteral("pc-2")));
    QVERIFY(!c.workstationTokens.authenticate("secret-3"));
}

void TestReceiverConfig::invalidConfiguration_data()
{
    QTest::addColumn<QByteArray>("ini");      // "@" stands for the temporary directory
    QTest::addColumn<QByteArray>("files");    // name=content;... written before loading
    QTest::addColumn<QString>("message");

    const QByteArray token = "[line]\nchannel_access_token_file = @/token\n";
    const QByteArray secret = "[line]\nchannel_secret_file = @/secret\n";
    const QByteArray spool = "[spool]\npath = @/spool.sqlite\n";
    const QByteArray files = "secret=0123456789abcdef0123456789abcdef;token=tok";
    const QByteArray valid = secret + token + spool;

    QTest::addRow("secret key missing") << token + spool << files
                                        << QStringLiteral("line.channel_secret_file is required");
    QTest::addRow("secret file missing") << "[line]\nchannel_secret_file = @/absent\n" + token + spool << files
                                         << QStringLiteral("line.channel_secret_file: cannot read '@/absent'");
    QTest::addRow("secret file empty") << valid << QByteArray("secret=\n;token=tok")
                                       << QStringLiteral("line.channel_secret_file: '@/secret' is empty");
    QTest::addRow("secret on two lines") << valid << QByteArray("secret=abc\ndef;token=tok")
                                         << QStringLiteral("line.channel_secret_file: '@/secret' must hold");
    QTest::addRow("token key missing") << secret + spool << files
                                       << QStringLiteral("line.channel_access_token_file is required");
    QTest::addRow("token file missing") << secret + "[line]\nchannel_access_token_file = @/absent\n" + spool << files
                                        << QStringLiteral("line.channel_access_token_file: cannot read");
    QTest::addRow("spool path missing") << secret + token << files << QStringLiteral("spool.path is required");
    QTest::addRow("listen without port") << valid + "[http]\nlisten = 127.0.0.1\n" << files
                                         << QStringLiteral("http.listen must be HOST:PORT");
    QTest::addRow("listen port too large") << valid + "[http]\nlisten = 127.0.0.1:70000\n" << files
                                           << QStringLiteral("http.listen must be HOST:PORT");
    QTest::addRow("threads zero") << valid + "[http]\nmax_threads = 0\n" << files
                                  << QStringLiteral("http.max_threads must be an integer from 1 to 256, got '0'");
    QTest::addRow("body limit not a number") << valid + "[limits]\nbody_bytes = 1MB\n" << files
                                             << QStringLiteral("limits.body_bytes must be an integer");
    QTest::addRow("body limit too small") << valid + "[limits]\nbody_bytes = 10\n" << files
                                          << QStringLiteral("limits.body_bytes must be an integer from 1024");
    QTest::addRow("retention zero") << valid + "[spool]\nwebhook_retention_days = 0\n" << files
                                    << QStringLiteral("spool.webhook_retention_days must be an integer from 1 to 365");
    QTest::addRow("api base not http") << valid + "[line]\napi_base = ftp://api.line.me\n" << files
                                       << QStringLiteral("line.api_base must be an http(s) base URL");
    QTest::addRow("data api base with query") << valid + "[line]\ndata_api_base = https://x.example/?a=1\n" << files
                                              << QStringLiteral("line.data_api_base must be an http(s) base URL");
    QTest::addRow("liff channel id not digits") << valid + "[liff]\nchannel_id = abc\n" << files
                                                << QStringLiteral("liff.channel_id must be the channel's numeric id");
    QTest::addRow("liff without challenge key") << valid + "[liff]\nchannel_id = 1657000000\n" << files
                                                << QStringLiteral("challenge.key_file is required");
    QTest::addRow("challenge key too short")
        << valid + "[liff]\nchannel_id = 1657000000\n[challenge]\nkey_file = @/ckey\n" << files + ";ckey=short"
        << QStringLiteral("challenge.key_file: the key must have at least 16 characters");
    QTest::addRow("challenge lifetime too long") << valid + "[challenge]\nlifetime_seconds = 86400\n" << files
                                                 << QStringLiteral("challenge.lifetime_seconds must be an integer");
    QTest::addRow("challenge direction unknown") << valid + "[challenge]\ndirections = left,sideways\n" << files
                                                 << QStringLiteral("challenge.directions: 'sideways'");
    QTest::addRow("challenge with one direction") << valid + "[challenge]\ndirections = up\n" << files
                                                  << QStringLiteral("name at least two directions");
    QTest::addRow("challenge direction twice") << valid + "[challenge]\ndirections = left,left\n" << files
                                               << QStringLiteral("challenge.directions: 'left'");
    QTest::addRow("workstation without tokens file") << valid + "[workstation]\nlisten = 127.0.0.1:9001\n" << files
                                                     << QStringLiteral("workstation.tokens_file is required");
    QTest::addRow("workstation tokens file malformed")
        << valid + "[workstation]\nlisten = 127.0.0.1:9001\ntokens_file = @/wtokens\n"
        << files + ";wtokens=pc-1:plaintext-token" << QStringLiteral("line 1 is not NAME:SHA256HEX");
    QTest::addRow("workstation listen malformed") << valid + "[workstation]\nlisten = nowhere\n" << files
                                                  << QStringLiteral("workstation.listen must be HOST:PORT");
    QTest::addRow("tls certificate without key") << valid + "[tls]\ncertificate = @/secret\n" << files
                                                 << QStringLiteral("must be given together");
    QTest::addRow("tls key unreadable") << valid + "[tls]\ncertificate = @/secret\nprivate_key = @/absent.pem\n"
                                        << files << QStringLiteral("tls.private_key: cannot read '@/absent.pem'");
    QTest::addRow("image pixels too many") << valid + "[limits]\nimage_pixels = 1000000000\n" << files
                                           << QStringLiteral("limits.image_pixels must be an integer");
    QTest::addRow("no upload per user") << valid + "[limits]\nuploads_per_user = 0\n" << files
                                        << QStringLiteral("limits.uploads_per_user must be an integer");
    QTest::addRow("spool floor negative") << valid + "[spool]\nmin_free_bytes = -1\n" << files
                                          << QStringLiteral("spool.min_free_bytes must be an integer");
}

void TestReceiverConfig::invalidConfiguration()
{
    QFETCH(QByteArray, ini);
    QFETCH(QByteArray, files);
    QFETCH(QString, message);
    for (const QByteArray &file : files.split(';')) {
        const qsizetype equals = file.indexOf('=');
        IntakeTestKit::writeFile(m_dir->filePath(QString::fromUtf8(file.left(equals))), file.mid(equals + 1));
    }
    const QString dir = m_dir->path();
    const auto config = load(QString::fromUtf8(ini).replace(QLatin1Char('@'), dir).toUtf8());
    QVERIFY(!config.ok());
    QCOMPARE(config.error().code, ErrorCode::InvalidArgument);
    const QString expected = QString(message).replace(QLatin1Char('@'), dir);
    QVERIFY2(config.error().message.contains(expected), qPrintable(config.error().message));
    // Secrets never leak into messages.
    QVERIFY(!config.error().message.contains(QLatin1String(IntakeTestKit::channelSecret())));
    QVERIFY(!config.error().message.contains(QLatin1String("tok'")));
    QVERIFY(!config.error().message.contains(QLatin1String("plaintext-token")));
}

void TestReceiverConfig::unknownKeyIsReported()
{
    const QByteArray ini = IntakeTestKit::minimalIni(m_dir->path()) + "[limits]\nbody_byte = 2048\n";
    const Status status = ReceiverConfig::checkKnownKeys(*parse(ini));
    QVERIFY(!status.ok());
    QCOMPARE(status.error().message, QStringLiteral("unknown configuration key 'limits.body_byte'"));
    QVERIFY(ReceiverConfig::checkKnownKeys(*parse(IntakeTestKit::minimalIni(m_dir->path()))).ok());
    // Poco reads keys case-insensitively, so a differently cased known key is not "unknown".
    QVERIFY(ReceiverConfig::checkKnownKeys(*parse("[HTTP]\nListen = 127.0.0.1:1\n")).ok());
}

void TestReceiverConfig::helpListsEveryKey()
{
    const QString help = ReceiverConfig::keysHelp();
    QCOMPARE(int(ReceiverConfig::keys().size()), 32);
    for (const ReceiverConfig::Key &key : ReceiverConfig::keys())
        QVERIFY2(help.contains(QLatin1String(key.name)), key.name);
    QVERIFY(help.contains(QStringLiteral("(default 127.0.0.1:8480)")));
}

QTEST_GUILESS_MAIN(TestReceiverConfig)
#include "TestReceiverConfig.moc"
