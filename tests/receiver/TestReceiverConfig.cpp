#include "core/receiver/ReceiverConfig.h"
#include "core/crypto/KeyFileCheck.h"

#include "IntakeTestKit.h"

#include <Poco/AutoPtr.h>
#include <Poco/Util/IniFileConfiguration.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

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
    void challengeKeyIsNoLongerUsed();
    void plainWorkstationApiOnLoopbackOnly_data();
    void plainWorkstationApiOnLoopbackOnly();
    void secretFilePermissions_data();
    void secretFilePermissions();
    void everySecretFileIsChecked_data();
    void everySecretFileIsChecked();
    void packagedLayoutIsAccepted();
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
    QCOMPARE(c.maxPerAddress, 16);
    QVERIFY(!c.clientAddress.trustsAnyProxy());
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
    QCOMPARE(c.workstationMaxLeases, 10);
    QCOMPARE(c.maxResubmittedImages, 12);
    QCOMPARE(c.maxResubmittedBytes, qint64(64 * 1024 * 1024));

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
    // The residents' page: the application picks the directory; 住民票 held for a face check.
    QVERIFY(options.liff.staticDir.isEmpty());
    QVERIFY(options.liff.liffId.isEmpty());
    QCOMPARE(options.liff.procedures, (QStringList{QStringLiteral("tax_certificate"), QStringLiteral("juminhyo_copy")}));
    QCOMPARE(options.liff.faceCheckHeld, QStringList{QStringLiteral("juminhyo_copy")});
    QVERIFY(!options.liff.mock);
}

void TestReceiverConfig::everyKeyIsRead()
{
    const QByteArray ini = IntakeTestKit::minimalIni(m_dir->path()) +
                           "[http]\nlisten = [::1]:9000\nmax_threads = 4\nrequest_seconds = 30\nmax_per_address = 3\n"
                           "[front]\ntrusted_proxies = 10.0.0.0/8, 2001:db8::1\nforwarded_header = Forwarded\n"
                           "[line]\napi_base = http://127.0.0.1:7001/\ndata_api_base = http://127.0.0.1:7002\n"
                           "[liff]\nchannel_id = 1657000000\nurl = https://liff.line.me/1657000000-AbCd\n"
                           "token_cache_entries = 50\nfailed_tokens_burst = 4\nfailed_tokens_per_minute = 2\n"
                           "id = 1657000000-AbCd\nstatic_dir = /srv/liff\nprocedures = juminhyo_copy, tax_payment_certificate\n"
                           "face_check_held =\nmock = true\nsignature_hours = 2\n"
                           "[limits]\nbody_bytes = 2048\napplication_bytes = 1048576\nimage_bytes = 65536\n"
                           "image_pixels = 2000000\nuploads_per_user = 3\nuploads_total = 9\n"
                           "[spool]\nwebhook_retention_days = 3\nmin_free_bytes = 0\nfinished_retention_days = 30\n"
                           "prune_interval_minutes = 2\n"
                           "[challenge]\nkey_file = " + path("challenge_key").toUtf8() + "\nlifetime_seconds = 300\nper_user_per_hour = 5\n"
                           "[workstation]\nlisten = 127.0.0.1:9001\ntokens_file = " + path("tokens").toUtf8() + "\n"
                           "max_leases = 4\n[resubmission]\nmax_images = 5\nmax_bytes = 2097152\n";
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
    QCOMPARE(c.serverOptions().maxHandOversPerAddress, 3);
    QVERIFY(c.serverOptions().clientAddress.trusts("10.9.8.7"));
    QVERIFY(c.serverOptions().clientAddress.trusts("2001:db8::1"));
    QVERIFY(!c.serverOptions().clientAddress.trusts("11.0.0.1"));
    QCOMPARE(c.serverOptions().clientAddress.header(), ClientAddress::Header::Forwarded);
    QCOMPARE(c.lineApiBase, QStringLiteral("http://127.0.0.1:7001"));
    QCOMPARE(c.lineDataApiBase, QStringLiteral("http://127.0.0.1:7002"));
    QCOMPARE(c.liffChannelId, QStringLiteral("1657000000"));
    QCOMPARE(c.maxBodyBytes, qint64(2048));
    QCOMPARE(c.webhookRetentionDays, 3);
    QCOMPARE(c.scrubOptions().retention.webhookRetentionDays, 3);
    QCOMPARE(c.scrubOptions().retention.finishedRetentionDays, 30);
    QCOMPARE(c.scrubOptions().pruneIntervalMs, 120'000);
    QCOMPARE(c.serverOptions().signatureWindow, std::chrono::seconds(7200));
    QCOMPARE(c.challengeLifetimeSeconds, 300);
    QCOMPARE(c.liffUrl, QStringLiteral("https://liff.line.me/1657000000-AbCd"));
    QCOMPARE(c.maxApplicationBytes, qint64(1048576));
    QCOMPARE(c.imageLimits.maxBytes, qint64(65536));
    QCOMPARE(c.imageLimits.maxPixels, qint64(2000000));
    const ReceiverOptions options = c.serverOptions();
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
    QCOMPARE(options.liff.liffId, QStringLiteral("1657000000-AbCd"));
    QCOMPARE(options.liff.staticDir, QStringLiteral("/srv/liff"));
    QCOMPARE(options.liff.procedures, (QStringList{QStringLiteral("juminhyo_copy"), QStringLiteral("tax_payment_certificate")}));
    QVERIFY(options.liff.faceCheckHeld.isEmpty());
    QVERIFY(options.liff.mock);
    QVERIFY(c.workstationApiEnabled());
    QCOMPARE(c.workstationHost, QStringLiteral("127.0.0.1"));
    QCOMPARE(c.workstationPort, quint16(9001));
    QCOMPARE(c.workstationTokens.size(), std::size_t(2));
    QCOMPARE(c.workstationTokens.authenticate("secret-2"), std::optional<QString>(QStringLiteral("pc-2")));
    QVERIFY(!c.workstationTokens.authenticate("secret-3"));
    QCOMPARE(c.workstationMaxLeases, 4);
    QCOMPARE(c.maxResubmittedImages, 5);
    QCOMPARE(c.maxResubmittedBytes, qint64(2097152));
}

void TestReceiverConfig::invalidConfiguration_data()
{
    QTest::addColumn<QByteArray>("ini");      // "@" stands for the temporary directory
    QTest::addColumn<QByteArray>("files");    // name=content;... written before loading
    QTest::addColumn<QString>("message");

    const QByteArray token = "[line]\nchannel_access_token_file = @/token\n";
    const QByteArray secret = "[line]\nchannel_secret_file = @/secret\n";
    const QByteArray spool = "[spool]\npath = @/spool.sqlite\nkey_file = @/spool.key\n";
    const QByteArray files = "secret=0123456789abcdef0123456789abcdef;token=tok";
    const QByteArray valid = secret + token + spool;

    // The spool's data key (invalidConfiguration() writes @/spool.key, 32 bytes, before each row).
    QTest::addRow("spool key missing") << secret + token + "[spool]\npath = @/spool.sqlite\n" << files
                                       << QStringLiteral("spool.key_file (or spool.key_credential) is required");
    QTest::addRow("spool key and credential") << valid + "key_credential = spool-key\n" << files
                                              << QStringLiteral("spool.key_file and spool.key_credential are both set");
    QTest::addRow("spool key file absent") << secret + token + "[spool]\npath = @/spool.sqlite\nkey_file = @/nokey\n"
                                           << files << QStringLiteral("spool.key_file: key file '@/nokey' does not exist");
    QTest::addRow("spool key too short") << valid << files + ";spool.key=short"
                                         << QStringLiteral("spool.key_file: '@/spool.key': a key has exactly 32 bytes");

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
    QTest::addRow("trusted proxy not an address")
        << valid + "[front]\ntrusted_proxies = 10.0.0.1, proxy.example\n" << files
        << QStringLiteral("front.trusted_proxies: 'proxy.example' is not an IP address or CIDR range");
    QTest::addRow("forwarded header unknown") << valid + "[front]\nforwarded_header = x-real-ip\n" << files
                                              << QStringLiteral("front.forwarded_header must be x-forwarded-for or forwarded");
    QTest::addRow("per address zero") << valid + "[http]\nmax_per_address = 0\n" << files
                                      << QStringLiteral("http.max_per_address must be an integer from 1 to 256");
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
    QTest::addRow("liff id malformed") << valid + "[liff]\nid = liff-xxxx\n" << files
                                       << QStringLiteral("liff.id must look like 1657000000-AbCdEfGh");
    QTest::addRow("liff procedure unknown") << valid + "[liff]\nprocedures = tax_certificate,passport\n" << files
                                            << QStringLiteral("liff.procedures: 'passport' is not one of");
    QTest::addRow("liff no procedure") << valid + "[liff]\nprocedures =\nface_check_held =\n" << files
                                       << QStringLiteral("liff.procedures: name at least one procedure");
    QTest::addRow("liff held not offered") << valid + "[liff]\nprocedures = tax_certificate\n" << files
                                           << QStringLiteral("liff.face_check_held: 'juminhyo_copy' is not in liff.procedures");
    QTest::addRow("liff mock not boolean") << valid + "[liff]\nmock = yes\n" << files
                                           << QStringLiteral("liff.mock must be true or false");
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
    QTest::addRow("max leases zero") << valid + "[workstation]\nmax_leases = 0\n" << files
                                     << QStringLiteral("workstation.max_leases must be an integer from 1 to 1000");
    QTest::addRow("resubmitted images too many") << valid + "[resubmission]\nmax_images = 1000\n" << files
                                                 << QStringLiteral("resubmission.max_images must be an integer");
    QTest::addRow("resubmitted bytes too few") << valid + "[resubmission]\nmax_bytes = 1024\n" << files
                                               << QStringLiteral("resubmission.max_bytes must be an integer");
}

void TestReceiverConfig::invalidConfiguration()
{
    QFETCH(QByteArray, ini);
    QFETCH(QByteArray, files);
    QFETCH(QString, message);
    IntakeTestKit::writeFile(m_dir->filePath(QStringLiteral("spool.key")), QByteArray(32, 'k'));
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

namespace {

const QByteArray kTokensLine = "pc-1:" + QByteArray(64, 'a') + "\n";

// Mode, owner and group of a file, as root may set them.
bool restrict(const QString &path, mode_t mode, uid_t uid, gid_t gid)
{
    const QByteArray name = QFile::encodeName(path);
    return ::chown(name.constData(), uid, gid) == 0 && ::chmod(name.constData(), mode) == 0;
}

} // namespace

void TestReceiverConfig::plainWorkstationApiOnLoopbackOnly_data()
{
    QTest::addColumn<QString>("listen");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("127.0.0.1 plain") << "127.0.0.1:9001" << false << true;
    QTest::addRow("127.0.0.9 plain") << "127.0.0.9:9001" << false << true;
    QTest::addRow("[::1] plain") << "[::1]:9001" << false << true;
    QTest::addRow("localhost plain") << "localhost:9001" << false << true;
    QTest::addRow("0.0.0.0 plain") << "0.0.0.0:9001" << false << false;
    QTest::addRow("[::] plain") << "[::]:9001" << false << false;
    QTest::addRow("LAN address plain") << "192.168.1.10:9001" << false << false;
    QTest::addRow("host name plain") << "receiver.ward.example:9001" << false << false;
    QTest::addRow("0.0.0.0 with TLS") << "0.0.0.0:9001" << true << true;
    QTest::addRow("LAN address with TLS") << "192.168.1.10:9001" << true << true;
}

void TestReceiverConfig::plainWorkstationApiOnLoopbackOnly()
{
    QFETCH(QString, listen);
    QFETCH(bool, tls);
    QFETCH(bool, accepted);
    IntakeTestKit::writeFile(path("tokens"), kTokensLine);
    QByteArray ini = IntakeTestKit::minimalIni(m_dir->path()) + "[workstation]\nlisten = " + listen.toUtf8() +
                     "\ntokens_file = " + path("tokens").toUtf8() + "\n";
    if (tls) {
        IntakeTestKit::writeFile(path("cert.pem"), "certificate\n");
        IntakeTestKit::writeFile(path("key.pem"), "key\n");
        ini += "[tls]\ncertificate = " + path("cert.pem").toUtf8() + "\nprivate_key = " + path("key.pem").toUtf8() +
               "\n";
    }
    const auto config = load(ini);
    QVERIFY2(config.ok() == accepted, qPrintable(config.ok() ? QStringLiteral("accepted") : config.error().message));
    if (accepted)
        return;
    QCOMPARE(config.error().code, ErrorCode::InvalidArgument);
    // The message names the setting and says the fix.
    QVERIFY2(config.error().message.contains(QStringLiteral("workstation.listen = %1").arg(listen)),
             qPrintable(config.error().message));
    QVERIFY2(config.error().message.contains(QLatin1String("configure tls.certificate and tls.private_key")),
             qPrintable(config.error().message));
}

void TestReceiverConfig::secretFilePermissions_data()
{
    // The test runs as root (uid 0, gid 0); 4321 is a user and a group that are not the process's.
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("uid");
    QTest::addColumn<int>("gid");
    QTest::addColumn<QString>("problem"); // empty: accepted
    QTest::addRow("0600 own") << 0600 << 0 << 0 << QString();
    QTest::addRow("0400 own") << 0400 << 0 << 0 << QString();
    QTest::addRow("0640 own group") << 0640 << 0 << 0 << QString();
    QTest::addRow("0600 foreign group without access") << 0600 << 0 << 4321 << QString();
    QTest::addRow("0644 others read") << 0644 << 0 << 0 << "every user may read or change it";
    QTest::addRow("0604 others read") << 0604 << 0 << 0 << "every user may read or change it";
    QTest::addRow("0602 others write") << 0602 << 0 << 0 << "every user may read or change it";
    QTest::addRow("0601 others execute") << 0601 << 0 << 0 << "every user may read or change it";
    QTest::addRow("0660 group write") << 0660 << 0 << 0 << "its group may change it";
    QTest::addRow("0640 foreign group") << 0640 << 0 << 4321 << "group 4321, not the group";
    QTest::addRow("0600 foreign owner") << 0600 << 4321 << 0 << "it belongs to user 4321";
}

void TestReceiverConfig::secretFilePermissions()
{
    QFETCH(int, mode);
    QFETCH(int, uid);
    QFETCH(int, gid);
    QFETCH(QString, problem);
    if (geteuid() != 0)
        QSKIP("changing owners needs root");
    const QByteArray ini = IntakeTestKit::minimalIni(m_dir->path());
    const QString secret = path("channel_secret");
    QVERIFY(restrict(secret, mode_t(mode), uid_t(uid), gid_t(gid)));
    const auto config = load(ini);
    QVERIFY2(config.ok() == problem.isEmpty(), qPrintable(config.ok() ? QStringLiteral("accepted")
                                                                       : config.error().message));
    if (problem.isEmpty())
        return;
    const QString message = config.error().message;
    QCOMPARE(config.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(message.startsWith(QStringLiteral("line.channel_secret_file: '%1'").arg(secret)), qPrintable(message));
    QVERIFY2(message.contains(problem), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("(mode %1").arg(mode, 4, 8, QLatin1Char('0'))), qPrintable(message));
    // The fix, with the group of the process (root here; madoguchi under the packaged unit).
    QVERIFY2(message.contains(QStringLiteral("chmod 0640 %1; chown root:root %1").arg(secret)), qPrintable(message));
    QVERIFY(!message.contains(QLatin1String(IntakeTestKit::channelSecret())));
}

void TestReceiverConfig::everySecretFileIsChecked_data()
{
    QTest::addColumn<QByteArray>("ini"); // added to the minimal file; "@" stands for the directory
    QTest::addColumn<QString>("file");   // made world-readable
    QTest::addColumn<QString>("key");
    QTest::addRow("channel secret") << QByteArray() << "channel_secret" << "line.channel_secret_file";
    QTest::addRow("access token") << QByteArray() << "access_token" << "line.channel_access_token_file";
    QTest::addRow("workstation tokens")
        << QByteArray("[workstation]\nlisten = 127.0.0.1:9001\ntokens_file = @/tokens\n") << "tokens"
        << "workstation.tokens_file";
    QTest::addRow("TLS private key") << QByteArray("[tls]\ncertificate = @/cert.pem\nprivate_key = @/key.pem\n")
                                     << "key.pem"
                                     << "tls.private_key";
}

void TestReceiverConfig::everySecretFileIsChecked()
{
    QFETCH(QByteArray, ini);
    QFETCH(QString, file);
    QFETCH(QString, key);
    const QByteArray base = IntakeTestKit::minimalIni(m_dir->path());
    IntakeTestKit::writeFile(path("tokens"), kTokensLine);
    IntakeTestKit::writeFile(path("cert.pem"), "certificate\n");
    IntakeTestKit::writeFile(path("key.pem"), "key\n");
    const QByteArray full = base + QString::fromUtf8(ini).replace(QLatin1Char('@'), m_dir->path()).toUtf8();
    const auto before = load(full);
    QVERIFY2(before.ok(), qPrintable(before.ok() ? QString() : before.error().message));
    // The certificate is public: readable by all is fine.
    QVERIFY(QFile::setPermissions(path("cert.pem"), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                                         QFile::ReadOther));
    QVERIFY(load(full).ok());
    QVERIFY(QFile::setPermissions(m_dir->filePath(file), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                                               QFile::ReadOther));
    const auto after = load(full);
    QVERIFY(!after.ok());
    QVERIFY2(after.error().message.startsWith(key + QStringLiteral(": '")), qPrintable(after.error().message));
    QVERIFY2(after.error().message.contains(QLatin1String("chmod 0640")), qPrintable(after.error().message));
}

void TestReceiverConfig::packagedLayoutIsAccepted()
{
    // The .deb's documented set-up: secrets 0640 root:madoguchi, the receiver running as the
    // system user madoguchi (here uid 4321, group 4321). Files are made so with chown; the
    // receiver's identity is given to the check, as the test itself runs as root.
    if (geteuid() != 0)
        QSKIP("changing owners needs root");
    const QString secret = path("secret");
    IntakeTestKit::writeFile(secret, "0123456789abcdef\n");
    KeyFileCheck::Identity receiver;
    receiver.uid = 4321;
    receiver.gid = 4321;
    receiver.primaryGid = 4321;
    receiver.groupName = QStringLiteral("madoguchi");
    QVERIFY(restrict(secret, 0640, 0, 4321));
    QVERIFY(KeyFileCheck::check(QStringLiteral("line.channel_secret_file"), secret, receiver).ok());
    // Also when the process's group differs from the user's primary group (a supplementary set-up).
    KeyFileCheck::Identity otherProcessGroup = receiver;
    otherProcessGroup.gid = 4400;
    QVERIFY(KeyFileCheck::check(QStringLiteral("line.channel_secret_file"), secret, otherProcessGroup).ok());
    // Owned by the receiver's own user: fine too.
    QVERIFY(restrict(secret, 0600, 4321, 4321));
    QVERIFY(KeyFileCheck::check(QStringLiteral("line.channel_secret_file"), secret, receiver).ok());
    // Another group, or readable by all: refused, and the message says the packaged fix.
    QVERIFY(restrict(secret, 0640, 0, 4322));
    const Status foreign = KeyFileCheck::check(QStringLiteral("line.channel_secret_file"), secret, receiver);
    QVERIFY(!foreign.ok());
    QVERIFY2(foreign.error().message.contains(QStringLiteral("chmod 0640 %1; chown root:madoguchi %1").arg(secret)),
             qPrintable(foreign.error().message));
    QVERIFY(restrict(secret, 0644, 0, 4321));
    QVERIFY(!KeyFileCheck::check(QStringLiteral("line.channel_secret_file"), secret, receiver).ok());
    // Owned by another ordinary user, who could rewrite it.
    QVERIFY(restrict(secret, 0600, 4322, 4321));
    QVERIFY(!KeyFileCheck::check(QStringLiteral("line.channel_secret_file"), secret, receiver).ok());
}

void TestReceiverConfig::challengeKeyIsNoLongerUsed()
{
    // The applicant API needs no challenge key any more ...
    const QByteArray liff = IntakeTestKit::minimalIni(m_dir->path()) + "[liff]\nchannel_id = 1657000000\n";
    const auto without = load(liff);
    QVERIFY2(without.ok(), qPrintable(without.ok() ? QString() : without.error().message));
    // ... and a configuration that still names one (even a short, world-readable one) starts.
    IntakeTestKit::writeFile(path("challenge_key"), "short\n");
    QVERIFY(QFile::setPermissions(path("challenge_key"), QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    const QByteArray ini = liff + "[challenge]\nkey_file = " + path("challenge_key").toUtf8() + "\n";
    QVERIFY(ReceiverConfig::checkKnownKeys(*parse(ini)).ok());
    const auto with = load(ini);
    QVERIFY2(with.ok(), qPrintable(with.ok() ? QString() : with.error().message));
}

void TestReceiverConfig::helpListsEveryKey()
{
    const QString help = ReceiverConfig::keysHelp();
    QCOMPARE(int(ReceiverConfig::keys().size()), 45);
    for (const ReceiverConfig::Key &key : ReceiverConfig::keys())
        QVERIFY2(help.contains(QLatin1String(key.name)), key.name);
    QVERIFY(help.contains(QStringLiteral("(default 127.0.0.1:8480)")));
}

QTEST_GUILESS_MAIN(TestReceiverConfig)
#include "TestReceiverConfig.moc"
