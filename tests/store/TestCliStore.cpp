#include "core/store/Sql.h"
#include "core/store/StoreConnections.h"
#include "tests/support/CliRun.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mado;

// The store commands of madoguchi-cli, run as a real process on a real store file.
class TestCliStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void createsAStoreWithAnAdmin();
    void userCommands_data();
    void userCommands();
    void auditVerifyNamesTheBrokenEntry();
    void registerImportReportsBadRows();
    void policyShow();
    void backupAndStats();
    void refusesANewerSchema();

private:
    using Run = test::CliRun;
    test::CliRun cli(const QStringList &arguments, const QByteArray &input = {}) const;
    QTemporaryDir m_dir;
    QString m_store;
};

namespace {
const QByteArray kAdmin = "admin password 1\n";
}

test::CliRun TestCliStore::cli(const QStringList &arguments, const QByteArray &input) const
{
    test::CliRunOptions options;
    options.environment.insert(QStringLiteral("MADOGUCHI_STORE"), m_store);
    options.input = input;
    return test::runCli(QStringLiteral(MADO_CLI_PATH), arguments, options);
}

void TestCliStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = m_dir.filePath(QStringLiteral("store.sqlite"));
}

void TestCliStore::createsAStoreWithAnAdmin()
{
    const Run run = cli({QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("admin")}, kAdmin);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("admin admin created")));
    // A second admin bootstrap is refused.
    QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("root")}, kAdmin).exitCode, 1);
}

void TestCliStore::userCommands_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("add a clerk") << QStringList{"user", "add", "clerk1", "clerk", "--as", "admin"}
                                 << (kAdmin + "clerk password 1\n") << 0;
    QTest::addRow("add with a wrong admin password") << QStringList{"user", "add", "clerk2", "clerk", "--as", "admin"}
                                                     << QByteArray("nope\nclerk password 2\n") << 1;
    QTest::addRow("clerk may not add") << QStringList{"user", "add", "clerk3", "clerk", "--as", "clerk1"}
                                       << QByteArray("clerk password 1\nclerk password 3\n") << 1;
    QTest::addRow("unknown role") << QStringList{"user", "add", "x1", "boss", "--as", "admin"}
                                  << (kAdmin + "xx password 1\n") << 64;
    QTest::addRow("clerk changes own password") << QStringList{"user", "passwd", "clerk1", "--as", "clerk1"}
                                                << QByteArray("clerk password 1\nclerk password 9\n") << 0;
    QTest::addRow("too short a password")
        << QStringList{"user", "passwd", "clerk1", "--as", "admin"} << (kAdmin + "short\n") << 2;
    QTest::addRow("disable") << QStringList{"user", "disable", "clerk1", "--as", "admin"} << kAdmin << 0;
    QTest::addRow("disabled clerk cannot log in") << QStringList{"user", "passwd", "clerk1", "--as", "clerk1"}
                                                  << QByteArray("clerk password 9\nclerk password 8\n") << 1;
    QTest::addRow("missing --as is a usage error") << QStringList{"user", "disable", "clerk1"} << kAdmin << 64;
}

void TestCliStore::userCommands()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    const Run run = cli(arguments, input);
    QVERIFY2(run.exitCode == exitCode, qPrintable(QStringLiteral("%1: %2 %3").arg(run.exitCode).arg(run.out, run.err)));
    // Passwords never echo back.
    for (const QByteArray &line : input.split('\n')) {
        if (!line.isEmpty())
            QVERIFY(!run.out.contains(QString::fromUtf8(line)) && !run.err.contains(QString::fromUtf8(line)));
    }
}

void TestCliStore::auditVerifyNamesTheBrokenEntry()
{
    const Run ok = cli({QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(ok.exitCode, 0);
    QVERIFY(ok.out.startsWith(QStringLiteral("audit chain ok: ")));
    const QString copy = m_dir.filePath(QStringLiteral("tampered.sqlite"));
    QCOMPARE(cli({QStringLiteral("backup"), copy}).exitCode, 0);
    {
        StoreConnections connections(StoreAddress::sqliteFile(copy));
        auto db = connections.database();
        QVERIFY(Sql::run(db.value(), QStringLiteral("UPDATE audit SET action = 'login' WHERE seq = 4")).ok());
    }
    const Run broken = cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--store"), copy});
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.out.contains(QStringLiteral("BROKEN at entry 4")), qPrintable(broken.out));
}

void TestCliStore::registerImportReportsBadRows()
{
    const QString csv = m_dir.filePath(QStringLiteral("register.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("resident_code,name,kana,date_of_birth,postal_code,prefecture,city,address_line\n"
               "R-1,見本 太郎,ミホン タロウ,1980-04-01,100-0002,東京都,見本区,登録町4-5-6\n"
               "R-2,見本 次郎,ミホン ジロウ,1980-13-01,100-0002,東京都,見本区,登録町4-5-6\n"
               "R-3,見本 三郎,ミホン サブロウ,1981-04-01,100-0002,東京都,見本区,登録町4-5-7\n");
    file.close();
    const Run run = cli(
        {QStringLiteral("register"), QStringLiteral("import"), csv, QStringLiteral("--as"), QStringLiteral("admin")},
        kAdmin);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(QStringLiteral("line 3: date_of_birth")), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("2 rows imported, 1 rejected")));
    QVERIFY(!run.out.contains(QStringLiteral("見本"))); // no personal data in the report
    const Run stats = cli({QStringLiteral("stats")});
    QVERIFY(stats.out.contains(QRegularExpression(QStringLiteral("table:residents\\s+2"))));
}

void TestCliStore::policyShow()
{
    const Run run = cli({QStringLiteral("policy"), QStringLiteral("show")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("juminhyo_copy (住民票の写し) version 1")));
    QVERIFY(run.out.contains(QStringLiteral("accepts:    jpki_signature\n")));
    QVERIFY(run.out.contains(QStringLiteral("tax_certificate (課税証明書)")));
    QVERIFY(run.out.contains(QStringLiteral("総務省令第96号")));
}

void TestCliStore::backupAndStats()
{
    const QString copy = m_dir.filePath(QStringLiteral("backup.sqlite"));
    const Run backup = cli({QStringLiteral("backup"), copy});
    QCOMPARE(backup.exitCode, 0);
    QVERIFY(backup.out.contains(QStringLiteral(" pages, ")));
    const Run live = cli({QStringLiteral("stats")});
    const Run restored = cli({QStringLiteral("stats"), QStringLiteral("--store"), copy});
    QCOMPARE(live.exitCode, 0);
    QVERIFY(live.out.contains(QStringLiteral("table:users")));
    QCOMPARE(restored.out, live.out);
    QCOMPARE(cli({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--store"), copy}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("backup"), copy}).exitCode, 2); // never overwrites
}

void TestCliStore::refusesANewerSchema()
{
    const QString copy = m_dir.filePath(QStringLiteral("future.sqlite"));
    QCOMPARE(cli({QStringLiteral("backup"), copy}).exitCode, 0);
    {
        StoreConnections connections(StoreAddress::sqliteFile(copy));
        auto db = connections.database();
        QVERIFY(Sql::run(db.value(), QStringLiteral("INSERT INTO schema_version VALUES (99, 'future')")).ok());
    }
    const Run run = cli({QStringLiteral("stats"), QStringLiteral("--store"), copy});
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.err.contains(QStringLiteral("schema version 99")));
}

QTEST_GUILESS_MAIN(TestCliStore)
#include "TestCliStore.moc"
