// What the ward's IT does with a PostgreSQL store, done for real on the throwaway cluster:
// - the restricted application role: installer/postgresql/roles.sql (as superuser) and grants.sql
//   (as the owner, after the owner created the schema), then the whole workflow as the
//   application role, whose UPDATE, DELETE and TRUNCATE on the audit chain the database refuses
//   (permission denied: the GRANTs, before any trigger), and which cannot switch the triggers off;
// - `madoguchi-cli backup` runs pg_dump; the dump restored with pg_restore into a second database
//   opens (with the store's key file), its chain verifies and the workflow continues; without
//   pg_dump the command says exactly what to run.
#include "core/issuance/CertificateIssuer.h"
#include "core/store/AuditChain.h"
#include "core/store/PostgresClient.h"
#include "core/store/Sql.h"
#include "core/store/StoreKey.h"
#include "core/workflow/BatchWorkflow.h"
#include "tests/support/StoreFixture.h"
#include "tests/support/TestDatabase.h"

#include <QProcess>
#include <QSqlError>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace mado;

namespace {

QString scriptPath(const char *name)
{
    return QStringLiteral(MADO_SOURCE_DIR "/installer/postgresql/") + QString::fromLatin1(name);
}

// The cluster's URL with another user and database.
QString urlFor(const QString &server, const QString &user, const QString &database)
{
    QString url = server;
    url.replace(QStringLiteral("madoguchi@"), user + QLatin1Char('@'));
    url.replace(QStringLiteral("/postgres"), QLatin1Char('/') + database);
    return url;
}

// Runs one statement as the store's connection; the database's error text when refused.
QString refusal(CaseStore &store, const QString &statement)
{
    auto db = store.connections().database();
    if (!db)
        return db.error().message;
    auto ran = Sql::run(db.value(), statement);
    return ran ? QString() : ran.error().message;
}

AuditChain::Verification verify(CaseStore &store)
{
    auto db = store.connections().database();
    return AuditChain::verify(db.value()).value();
}

qint64 count(CaseStore &store, const QString &table)
{
    auto db = store.connections().database();
    return Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM ") + table).value().toLongLong();
}

} // namespace

class TestPostgresAdmin : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void applicationRoleAppendsButNeverRewritesTheAudit();
    void backupRestoresIntoASecondDatabase();
    void backupWithoutPgDumpSaysWhatToRun();

private:
    QString m_server;
    QStringList m_cleanup; // statements run on the server at the end (roles, databases)
};

void TestPostgresAdmin::initTestCase()
{
    auto server = test::TestDatabase::serverUrl();
    QVERIFY2(server.ok(), server.ok() ? "" : qPrintable(server.error().message));
    m_server = server.value();
    QVERIFY2(!PostgresClient::program(QStringLiteral("psql")).isEmpty(), "psql is not installed");
}

void TestPostgresAdmin::cleanupTestCase()
{
    const StoreAddress server = StoreAddress::parse(m_server).value();
    for (const QString &statement : std::as_const(m_cleanup))
        (void)PostgresClient::run(server, QStringLiteral("psql"),
                                  {QStringLiteral("-q"), QStringLiteral("-c"), statement});
}

void TestPostgresAdmin::applicationRoleAppendsButNeverRewritesTheAudit()
{
    const QString suffix = QUuid::createUuid().toString(QUuid::Id128).left(10);
    const QString owner = QStringLiteral("mado_owner_") + suffix;
    const QString app = QStringLiteral("mado_app_") + suffix;
    const QString database = QStringLiteral("mado_roles_") + suffix;
    m_cleanup << QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(database)
              << QStringLiteral("DROP ROLE IF EXISTS %1").arg(app)
              << QStringLiteral("DROP ROLE IF EXISTS %1").arg(owner);
    // Step 1, as the superuser: the roles and the database.
    const StoreAddress server = StoreAddress::parse(m_server).value();
    auto roles =
        PostgresClient::run(server, QStringLiteral("psql"),
                            {QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("owner_role=") + owner,
                             QStringLiteral("-v"), QStringLiteral("app_role=") + app, QStringLiteral("-v"),
                             QStringLiteral("database=") + database, QStringLiteral("-f"), scriptPath("roles.sql")});
    QVERIFY2(roles.ok(), roles.ok() ? "" : qPrintable(roles.error().message));
    // The owner creates the schema (as `madoguchi-cli init` does) and runs step 2.
    const QString ownerUrl = urlFor(m_server, owner, database);
    const QString appUrl = urlFor(m_server, app, database);
    QFile::remove(StoreKey::keyFileFor(ownerUrl));
    {
        test::MockClock clock;
        auto created = CaseStore::open(ownerUrl, clock);
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
    }
    // Before the grants the application role reads nothing (no USAGE on the schema: its tables
    // are not even found).
    {
        test::MockClock clock;
        auto early = CaseStore::open(appUrl, clock);
        QVERIFY(!early.ok());
        QCOMPARE(early.error().code, ErrorCode::Database);
        QVERIFY2(early.error().message.contains(QStringLiteral("schema_version")), qPrintable(early.error().message));
    }
    auto grants = PostgresClient::run(StoreAddress::parse(ownerUrl).value(), QStringLiteral("psql"),
                                      {QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("app_role=") + app,
                                       QStringLiteral("-f"), scriptPath("grants.sql")});
    QVERIFY2(grants.ok(), grants.ok() ? "" : qPrintable(grants.error().message));

    // The whole workflow as the application role: accounts, register, import, decide, approve, issue.
    test::StoreFixture f(appUrl);
    QVERIFY(f.ok());
    const qint64 issued = f.caseIn(CaseState::Notified);
    QVERIFY(issued > 0);
    QVERIFY(f.caseIn(CaseState::Returned) > 0);
    QCOMPARE(f.store().caseStatus(issued).value().state, CaseState::Notified);
    const auto chain = verify(f.store());
    QVERIFY(chain.ok);
    QVERIFY(chain.entries > 10);

    // The database refuses to rewrite the chain: the GRANTs, before any trigger is asked.
    for (const QString &statement :
         {QStringLiteral("UPDATE audit SET actor = 'mallory' WHERE seq = 2"),
          QStringLiteral("DELETE FROM audit WHERE seq = %1").arg(chain.entries), QStringLiteral("TRUNCATE audit")}) {
        const QString refused = refusal(f.store(), statement);
        QVERIFY2(refused.contains(QStringLiteral("permission denied for table audit")),
                 qPrintable(statement + QStringLiteral(": ") + refused));
    }
    // Nor can it switch the append-only triggers off, or touch the schema's bookkeeping.
    QVERIFY(
        refusal(f.store(), QStringLiteral("ALTER TABLE audit DISABLE TRIGGER USER")).contains(QStringLiteral("owner")));
    QVERIFY(
        refusal(f.store(), QStringLiteral("DELETE FROM schema_version")).contains(QStringLiteral("permission denied")));
    QVERIFY(refusal(f.store(), QStringLiteral("DROP TABLE audit")).contains(QStringLiteral("owner")));
    const auto after = verify(f.store());
    QVERIFY(after.ok);
    QCOMPARE(after.entries, chain.entries);
    QCOMPARE(after.headHash, chain.headHash);
    QFile::remove(StoreKey::keyFileFor(appUrl));
}

void TestPostgresAdmin::backupRestoresIntoASecondDatabase()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    QVERIFY(f.isPostgresql());
    f.clock().set(QDateTime(QDate(2026, 12, 1), QTime(1, 0), Qt::UTC));
    QVERIFY(f.caseIn(CaseState::Issued) > 0);
    QVERIFY(f.caseIn(CaseState::Issued) > 0);
    const qint64 waiting = f.caseIn(CaseState::Batched);
    QVERIFY(waiting > 0);
    const auto chain = verify(f.store());
    const QString dump = f.dir() + QStringLiteral("/store.dump");

    QProcess cli;
    cli.start(QStringLiteral(MADO_CLI_PATH), {QStringLiteral("backup"), dump, QStringLiteral("--store"), f.location()});
    QVERIFY(cli.waitForFinished(120000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QVERIFY(cli.readAllStandardOutput().contains("pg_dump custom format"));
    QFile file(dump);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(5), QByteArray("PGDMP")); // pg_dump's custom format
    file.close();
    // Never over an existing file.
    cli.start(QStringLiteral(MADO_CLI_PATH), {QStringLiteral("backup"), dump, QStringLiteral("--store"), f.location()});
    QVERIFY(cli.waitForFinished(120000));
    QCOMPARE(cli.exitCode(), 2);

    // Restore into a second, empty database.
    test::TestDatabase second(f.dir() + QStringLiteral("/unused.sqlite"));
    QVERIFY2(!second.location().isEmpty(), qPrintable(second.error()));
    auto restored = PostgresClient::run(StoreAddress::parse(second.location()).value(), QStringLiteral("pg_restore"),
                                        {QStringLiteral("--exit-on-error"), dump});
    QVERIFY2(restored.ok(), restored.ok() ? "" : qPrintable(restored.error().message));
    // Its images are sealed: it opens only with the store's key file beside it.
    {
        auto refused = CaseStore::open(second.location(), f.clock());
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("key")), qPrintable(refused.error().message));
    }
    QVERIFY(QFile::copy(StoreKey::keyFileFor(f.location()), StoreKey::keyFileFor(second.location())));
    auto opened = CaseStore::open(second.location(), f.clock());
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    CaseStore &copy = *opened.value();
    const auto restoredChain = verify(copy);
    QVERIFY2(restoredChain.ok, qPrintable(restoredChain.problem));
    QCOMPARE(restoredChain.headHash, chain.headHash);
    for (const char *table : {"cases", "images", "issuances", "users", "outcome_outbox"})
        QCOMPARE(count(copy, QString::fromLatin1(table)), count(f.store(), QString::fromLatin1(table)));
    QCOMPARE(copy.imageForVerification(waiting, QStringLiteral("document_front")).value(),
             f.store().imageForVerification(waiting, QStringLiteral("document_front")).value());
    // The workflow continues on the restored database.
    const qint64 batch = copy.caseStatus(waiting).value().batchId;
    QVERIFY(BatchWorkflow(copy, f.options())
                .approve(f.user(QStringLiteral("sup1")), batch, QString::fromLatin1(test::StoreFixture::kPassword))
                .ok());
    auto issued = CertificateIssuer(copy).issue(f.user(QStringLiteral("clerk2")), waiting);
    QVERIFY2(issued.ok(), issued.ok() ? "" : qPrintable(issued.error().message));
    QCOMPARE(issued.value().certificateNumber, QStringLiteral("2026-000003"));
    QVERIFY(verify(copy).ok);
}

void TestPostgresAdmin::backupWithoutPgDumpSaysWhatToRun()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    QTemporaryDir emptyBin;
    const QString dump = f.dir() + QStringLiteral("/never.dump");
    QProcess cli;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("MADOGUCHI_PG_BINDIR"), emptyBin.path());
    cli.setProcessEnvironment(environment);
    cli.start(QStringLiteral(MADO_CLI_PATH), {QStringLiteral("backup"), dump, QStringLiteral("--store"), f.location()});
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 1);
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    const StoreAddress address = StoreAddress::parse(f.location()).value();
    QVERIFY2(err.contains(QStringLiteral("pg_dump is not installed")), qPrintable(err));
    QVERIFY2(err.contains(PostgresClient::dumpCommand(address, dump)), qPrintable(err));
    QVERIFY(err.contains(QStringLiteral("dbname=") + address.database()));
    QVERIFY(!QFile::exists(dump));
}

QTEST_GUILESS_MAIN(TestPostgresAdmin)
#include "TestPostgresAdmin.moc"
