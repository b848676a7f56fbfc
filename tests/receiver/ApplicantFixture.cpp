#include "ApplicantFixture.h"

#include "IntakeTestKit.h"

#include <QDir>
#include <QTest>

#include <sqlite3.h>

namespace mado {

void ApplicantFixture::start()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_line = std::make_unique<test::LineSimulator>(kAccessToken);
    QVERIFY(m_line->start());
    auto spool = Spool::open(m_dir->filePath(QStringLiteral("spool.sqlite")));
    QVERIFY2(spool.ok(), qPrintable(spool.ok() ? QString() : spool.error().message));
    m_spool = std::move(spool).value();
    ReceiverOptions options;
    options.port = 0;
    options.maxThreads = 8;
    options.channelSecret = IntakeTestKit::channelSecret();
    options.lineApiBase = m_line->baseUrl();
    options.liffChannelId = kChannel;
    options.maxApplicationBytes = kBodyLimit;
    options.imageLimits = ImageLimits{512 * 1024, 4'000'000, 4000};
    // The check runs in every test; a floor of 1 MiB is met wherever the tests can run at all.
    options.spoolMinFreeBytes = 1024 * 1024;
    m_options = options;
    m_server = std::make_unique<ReceiverServer>(options, *m_spool);
    QVERIFY(m_server->start().ok());
}

void ApplicantFixture::restart(const std::function<void(ReceiverOptions &)> &change)
{
    m_server.reset();
    change(m_options);
    m_server = std::make_unique<ReceiverServer>(m_options, *m_spool);
    QVERIFY(m_server->start().ok());
}

void ApplicantFixture::stop()
{
    m_server.reset();
    m_spool.reset();
    m_line.reset();
    m_dir.reset();
}

HttpTestClient::Reply ApplicantFixture::requestChallenge(const QString &idToken)
{
    HttpTestClient::Headers headers;
    if (!idToken.isNull())
        headers.emplace_back("Authorization", "Bearer " + idToken.toStdString());
    return HttpTestClient::request(m_server->port(), "POST", "/api/v1/challenges", {}, headers);
}

QString ApplicantFixture::newNonce(const QString &user)
{
    const auto reply = requestChallenge(token(user));
    if (reply.status != 201)
        qWarning() << "challenge request failed" << reply.status << reply.body;
    return json(reply).value(QStringLiteral("nonce")).toString();
}

HttpTestClient::Reply ApplicantFixture::submit(const MultipartBody &body, const QString &idToken,
                                               const std::string &key)
{
    HttpTestClient::Headers headers{{"Content-Type", body.contentType()}};
    if (!idToken.isNull())
        headers.emplace_back("Authorization", "Bearer " + idToken.toStdString());
    if (!key.empty())
        headers.emplace_back("Idempotency-Key", key);
    return HttpTestClient::request(m_server->port(), "POST", "/api/v1/applications", body.bytes(), headers);
}

qint64 ApplicantFixture::count(const char *sql) const
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(m_spool->path().toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_busy_timeout(db, 5000); // the spool scrubber may be truncating the log
    sqlite3_stmt *statement = nullptr;
    qint64 result = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK && sqlite3_step(statement) == SQLITE_ROW)
        result = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return result;
}

QStringList ApplicantFixture::imageDirectories() const
{
    return QDir(m_spool->filesDirectory()).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
}

QString ApplicantFixture::spoolFilesDirectory() const
{
    return m_spool->filesDirectory();
}

} // namespace mado
