#include "core/store/StoreAddress.h"
#include "core/store/StoreLocation.h"
#include "tests/support/FilePrivacy.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace mado;

// A store argument is a path or a URL (issue 15): sqlite:PATH and plain paths are SQLite files,
// postgresql:// URLs name a database (never with a password in them), anything else is an error —
// and madoguchi-cli answers it with a usage error (64) instead of creating a folder "postgresql:".
class TestStoreAddress : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void plainPathsAndSqliteUrlsAreFiles_data();
    void plainPathsAndSqliteUrlsAreFiles();
    void postgresqlUrlIsParsed();
    void unixSocketDirectoryAsHostParameter();
    void refusedAddresses_data();
    void refusedAddresses();
    void verifyFullWithRootCertificate();
    void passwordFileIsReadAndMustBeSecret();
    void requireExistingChecksOnlyFiles();
    void cliRefusesAnUnknownSchemeAsUsage();
};

void TestStoreAddress::plainPathsAndSqliteUrlsAreFiles_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("path");
    QTest::newRow("absolute") << "/var/lib/madoguchi/store.sqlite"
                              << "/var/lib/madoguchi/store.sqlite";
    QTest::newRow("relative") << "store.sqlite"
                              << "store.sqlite";
    QTest::newRow("sqlite:/abs") << "sqlite:/srv/store.sqlite"
                                 << "/srv/store.sqlite";
    QTest::newRow("sqlite:///abs") << "sqlite:///srv/store.sqlite"
                                   << "/srv/store.sqlite";
    QTest::newRow("sqlite:rel") << "sqlite:data/store.sqlite"
                                << "data/store.sqlite";
    QTest::newRow("windows drive") << "C:\\Madoguchi\\store.sqlite"
                                   << "C:\\Madoguchi\\store.sqlite";
}

void TestStoreAddress::plainPathsAndSqliteUrlsAreFiles()
{
    QFETCH(QString, text);
    QFETCH(QString, path);
    auto address = StoreAddress::parse(text);
    QVERIFY2(address.ok(), qPrintable(address.ok() ? QString() : address.error().message));
    QCOMPARE(address.value().backend(), StoreAddress::Backend::Sqlite);
    QCOMPARE(address.value().path(), path);
    QCOMPARE(address.value().display(), path);
}

void TestStoreAddress::postgresqlUrlIsParsed()
{
    auto address =
        StoreAddress::parse(QStringLiteral("postgresql://mado_app@db.ward.local:5433/madoguchi?sslmode=require"));
    QVERIFY(address.ok());
    const StoreAddress &a = address.value();
    QVERIFY(a.isPostgresql());
    QVERIFY(a.path().isEmpty());
    QCOMPARE(a.host(), QStringLiteral("db.ward.local"));
    QCOMPARE(a.port(), 5433);
    QCOMPARE(a.user(), QStringLiteral("mado_app"));
    QCOMPARE(a.database(), QStringLiteral("madoguchi"));
    QCOMPARE(a.parameter(QStringLiteral("sslmode")), QStringLiteral("require"));
    QVERIFY(a.connectOptions().split(QLatin1Char(';')).contains(QStringLiteral("sslmode=require")));
    QCOMPARE(a.display(), QStringLiteral("postgresql://mado_app@db.ward.local:5433/madoguchi?sslmode=require"));
    QCOMPARE(a.localName(), QStringLiteral("db.ward.local-5433-madoguchi"));
    // The connection string handed to pg_dump and psql (no password, ever).
    QCOMPARE(a.libpqConnectionString(),
             QStringLiteral("host=db.ward.local port=5433 dbname=madoguchi user=mado_app sslmode=require"));
    // postgres:// is libpq's other spelling; the port defaults to libpq's.
    auto shortScheme = StoreAddress::parse(QStringLiteral("postgres://clerk@10.0.0.5/store"));
    QVERIFY(shortScheme.ok());
    QVERIFY(shortScheme.value().isPostgresql());
    QCOMPARE(shortScheme.value().port(), 0);
    QCOMPARE(shortScheme.value().localName(), QStringLiteral("10.0.0.5-5432-store"));
}

void TestStoreAddress::unixSocketDirectoryAsHostParameter()
{
    auto address = StoreAddress::parse(QStringLiteral("postgresql://madoguchi@/store?host=/run/postgresql"));
    QVERIFY(address.ok());
    QCOMPARE(address.value().host(), QStringLiteral("/run/postgresql"));
    QVERIFY(!address.value().connectOptions().contains(QStringLiteral("host=")));
    QCOMPARE(address.value().libpqConnectionString(),
             QStringLiteral("host=/run/postgresql dbname=store user=madoguchi"));
    QCOMPARE(address.value().localName(), QStringLiteral("_run_postgresql-5432-store"));
}

void TestStoreAddress::refusedAddresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("because");
    QTest::newRow("unknown scheme") << "mysql://u@h/db"
                                    << "unknown scheme 'mysql:'";
    QTest::newRow("http") << "https://example.org/store"
                          << "unknown scheme 'https:'";
    QTest::newRow("typo") << "postgressql://u@h/db"
                          << "unknown scheme";
    QTest::newRow("password in authority") << "postgresql://u:secret@h/db"
                                           << "holds a password";
    QTest::newRow("password parameter") << "postgresql://u@h/db?password=secret"
                                        << "holds a password";
    QTest::newRow("no database") << "postgresql://u@h/"
                                 << "names no database";
    QTest::newRow("no user") << "postgresql://h/db"
                             << "names no user";
    QTest::newRow("unknown parameter") << "postgresql://u@h/db?sslmod=require"
                                       << "unknown parameter 'sslmod'";
    QTest::newRow("bad sslmode") << "postgresql://u@h/db?sslmode=maybe"
                                 << "sslmode 'maybe'";
    QTest::newRow("missing root cert") << "postgresql://u@h/db?sslmode=verify-full&sslrootcert=/nonexistent/ca.crt"
                                       << "does not exist";
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("sqlite without file") << "sqlite:"
                                         << "names no file";
}

void TestStoreAddress::refusedAddresses()
{
    QFETCH(QString, text);
    QFETCH(QString, because);
    auto address = StoreAddress::parse(text);
    QVERIFY(!address.ok());
    QCOMPARE(address.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(address.error().message.contains(because), qPrintable(address.error().message));
    QVERIFY2(!address.error().message.contains(QStringLiteral("secret")), "a password must never be repeated");
}

void TestStoreAddress::verifyFullWithRootCertificate()
{
    QTemporaryDir dir;
    const QString ca = dir.filePath(QStringLiteral("ward ca.crt"));
    QFile file(ca);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("-----BEGIN CERTIFICATE-----\n");
    file.close();
    auto address = StoreAddress::parse(
        QStringLiteral("postgresql://mado_app@db.ward.local/madoguchi?sslmode=verify-full&sslrootcert=") +
        QString::fromUtf8(QUrl::toPercentEncoding(ca)));
    QVERIFY2(address.ok(), qPrintable(address.ok() ? QString() : address.error().message));
    const QStringList options = address.value().connectOptions().split(QLatin1Char(';'));
    QVERIFY(options.contains(QStringLiteral("sslmode=verify-full")));
    // A value with a space is quoted the way libpq reads it.
    QVERIFY2(options.contains(QStringLiteral("sslrootcert='%1'").arg(ca)), qPrintable(options.join(QLatin1Char('|'))));
    QVERIFY(options.contains(QStringLiteral("application_name=madoguchi")));
}

void TestStoreAddress::passwordFileIsReadAndMustBeSecret()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.password"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("s3cret-Pass\nsecond line ignored\n");
    file.close();
    auto address = StoreAddress::parse(QStringLiteral("postgresql://mado_app@db/madoguchi")).value();
    QVERIFY(address.readPassword().ok());
    QVERIFY(address.readPassword().value().isEmpty()); // no file: libpq's own lookup
    address.setPasswordFile(path);
    QVERIFY(makeFilePrivate(path));
    auto password = address.readPassword();
    QVERIFY2(password.ok(), qPrintable(password.ok() ? QString() : password.error().message));
    QCOMPARE(password.value(), QStringLiteral("s3cret-Pass"));
    QVERIFY(exposeFileToEveryone(path));
    auto exposed = address.readPassword();
    QVERIFY(!exposed.ok());
    QVERIFY2(exposed.error().message.contains(QStringLiteral("not kept secret")), qPrintable(exposed.error().message));
    QVERIFY(!exposed.error().message.contains(QStringLiteral("s3cret")));
    // The environment names the file when the program does not.
    QVERIFY(makeFilePrivate(path));
    qputenv("MADOGUCHI_STORE_PASSWORD_FILE", QFile::encodeName(path));
    auto fromEnvironment = StoreAddress::parse(QStringLiteral("postgresql://mado_app@db/madoguchi")).value();
    QCOMPARE(fromEnvironment.passwordFile(), path);
    auto environmentPassword = fromEnvironment.readPassword();
    QVERIFY2(environmentPassword.ok(),
             qPrintable(environmentPassword.ok() ? QString() : environmentPassword.error().message));
    QCOMPARE(environmentPassword.value(), QStringLiteral("s3cret-Pass"));
    qunsetenv("MADOGUCHI_STORE_PASSWORD_FILE");
}

void TestStoreAddress::requireExistingChecksOnlyFiles()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("none.sqlite"));
    QCOMPARE(StoreLocation::requireExisting(QStringLiteral("sqlite:") + missing).error().code, ErrorCode::NotFound);
    QVERIFY(StoreLocation::requireExisting(QStringLiteral("postgresql://u@h/db")).ok());
    QCOMPARE(StoreLocation::requireExisting(QStringLiteral("ftp://h/store")).error().code, ErrorCode::InvalidArgument);
}

void TestStoreAddress::cliRefusesAnUnknownSchemeAsUsage()
{
    QTemporaryDir dir;
    QProcess cli;
    cli.setWorkingDirectory(dir.path());
    cli.start(QStringLiteral(MADO_CLI_PATH),
              {QStringLiteral("init"), QStringLiteral("--store"), QStringLiteral("mysql://clerk@db/madoguchi")});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 64);
    QVERIFY(QString::fromUtf8(cli.readAllStandardError()).contains(QStringLiteral("unknown scheme 'mysql:'")));
    QVERIFY2(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty(), "nothing is created");
    // A password in the URL is refused the same way, and never echoed.
    cli.start(QStringLiteral(MADO_CLI_PATH), {QStringLiteral("stats"), QStringLiteral("--store"),
                                              QStringLiteral("postgresql://clerk:hunter2@db/madoguchi")});
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 64);
    QVERIFY(!QString::fromUtf8(cli.readAllStandardError()).contains(QStringLiteral("hunter2")));
    // backup on PostgreSQL runs pg_dump; an unreachable server fails it (exit 1) and leaves no file.
    const QStringList backup{QStringLiteral("backup"), dir.filePath(QStringLiteral("copy.dump")),
                             QStringLiteral("--store"),
                             QStringLiteral("postgresql://madoguchi_owner@db.ward.invalid/madoguchi")};
    cli.start(QStringLiteral(MADO_CLI_PATH), backup);
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 1);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("copy.dump"))));
    // Without pg_dump it says what to run instead of writing anything.
    QTemporaryDir emptyBin;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("MADOGUCHI_PG_BINDIR"), emptyBin.path());
    cli.setProcessEnvironment(environment);
    cli.start(QStringLiteral(MADO_CLI_PATH), backup);
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 1);
    const QString said = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(said.contains(QStringLiteral("pg_dump --format=custom --file='%1' --dbname='host=db.ward.invalid "
                                          "dbname=madoguchi user=madoguchi_owner'")
                               .arg(dir.filePath(QStringLiteral("copy.dump")))),
             qPrintable(said));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("copy.dump"))));
}

QTEST_GUILESS_MAIN(TestStoreAddress)
#include "TestStoreAddress.moc"
