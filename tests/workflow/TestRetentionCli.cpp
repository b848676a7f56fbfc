#include "core/store/AuditChain.h"
#include "core/store/Sql.h"
#include "tests/support/CliRun.h"
#include "tests/support/StoreFixture.h"

#include <QTest>

using namespace mado;

// madoguchi-cli retention as a real process on a real store: the dry-run listing, the admin-only
// rule, the purge, and the retention.days setting. The CLI runs on the system clock, so the
// fixture's cases are closed at times relative to the real now.
class TestRetentionCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dryRunListsThenRunDeletes();
    void daysSetting();

private:
    using Run = test::CliRun;
    static test::CliRun cli(const test::StoreFixture &f, const QStringList &arguments, const QByteArray &input);
    static qint64 purgedCount(test::StoreFixture &f);
};

namespace {
const QByteArray kPassword = QByteArray(test::StoreFixture::kPassword) + '\n';
}

test::CliRun TestRetentionCli::cli(const test::StoreFixture &f, const QStringList &arguments, const QByteArray &input)
{
    test::CliRunOptions options;
    options.input = input;
    options.timeoutMs = 60000;
    return test::runCli(QStringLiteral(MADO_CLI_PATH),
                        QStringList{QStringLiteral("retention")} + arguments +
                            QStringList{QStringLiteral("--store"), f.path()},
                        options);
}

qint64 TestRetentionCli::purgedCount(test::StoreFixture &f)
{
    auto db = f.store().connections().database();
    if (!db)
        return -1;
    auto count =
        Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM cases WHERE retention_purged_at IS NOT NULL"));
    return count ? count.value().toLongLong() : -1;
}

void TestRetentionCli::dryRunListsThenRunDeletes()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    f.clock().set(now.addDays(-91));
    const qint64 old = f.caseIn(CaseState::Notified);
    QVERIFY(old);
    f.clock().set(now.addDays(-89));
    const qint64 recent = f.caseIn(CaseState::Issued);
    QVERIFY(recent);
    const qint64 open = f.caseIn(CaseState::Verified);
    QVERIFY(open);
    const QString oldReference = f.store().caseStatus(old).value().reference;
    const QString recentReference = f.store().caseStatus(recent).value().reference;

    const Run dry = cli(f, {QStringLiteral("--dry-run"), QStringLiteral("--as"), QStringLiteral("admin")}, kPassword);
    QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
    QVERIFY2(
        dry.out.contains(oldReference + QStringLiteral("  closed ") + now.addDays(-91).date().toString(Qt::ISODate)),
        qPrintable(dry.out));
    QVERIFY(dry.out.contains(QStringLiteral("would delete: 1 images")));
    QVERIFY(!dry.out.contains(recentReference));
    QVERIFY(dry.out.contains(QStringLiteral("1 cases due")));
    QVERIFY(dry.out.contains(QStringLiteral("dry run: nothing was changed")));
    QCOMPARE(purgedCount(f), qint64(0));

    // Not an admin, or not the admin's password: refused, nothing deleted.
    const Run clerk = cli(f, {QStringLiteral("--as"), QStringLiteral("clerk1")}, kPassword);
    QCOMPARE(clerk.exitCode, 1);
    QVERIFY2(clerk.err.contains(QStringLiteral("only an admin may run retention")), qPrintable(clerk.err));
    const Run wrong = cli(f, {QStringLiteral("--as"), QStringLiteral("admin")}, "not the password\n");
    QCOMPARE(wrong.exitCode, 1);
    QCOMPARE(purgedCount(f), qint64(0));
    // Without --as it does not even ask.
    QCOMPARE(cli(f, {QStringLiteral("--dry-run")}, kPassword).exitCode, 64);

    const Run run = cli(f, {QStringLiteral("--as"), QStringLiteral("admin")}, kPassword);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(oldReference) && run.out.contains(QStringLiteral("deleted: 1 images")),
             qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("1 cases purged")));
    QCOMPARE(purgedCount(f), qint64(1));
    QVERIFY(f.store().caseStatus(old).value().retentionPurgedAt.isValid());
    QVERIFY(!f.store().caseStatus(recent).value().retentionPurgedAt.isValid());
    auto db = f.store().connections().database();
    QVERIFY(db);
    QVERIFY(AuditChain::verify(db.value()).value().ok);
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = "
                                                    "'case_retention_purged' AND actor = 'admin'"))
                 .value()
                 .toInt(),
             1);
}

void TestRetentionCli::daysSetting()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const QStringList asAdmin{QStringLiteral("--as"), QStringLiteral("admin")};
    Run shown = cli(f, QStringList{QStringLiteral("days")} + asAdmin, kPassword);
    QCOMPARE(shown.exitCode, 0);
    QCOMPARE(shown.out.trimmed(), QStringLiteral("retention.days = 90"));
    const Run tooShort = cli(f, QStringList{QStringLiteral("days"), QStringLiteral("10")} + asAdmin, kPassword);
    QCOMPARE(tooShort.exitCode, 2);
    QVERIFY(tooShort.err.contains(QStringLiteral("from 30 to 3650")));
    const Run set = cli(f, QStringList{QStringLiteral("days"), QStringLiteral("180")} + asAdmin, kPassword);
    QCOMPARE(set.exitCode, 0);
    QCOMPARE(set.out.trimmed(), QStringLiteral("retention.days = 180"));
    const Run bySupervisor = cli(
        f, {QStringLiteral("days"), QStringLiteral("60"), QStringLiteral("--as"), QStringLiteral("sup1")}, kPassword);
    QCOMPARE(bySupervisor.exitCode, 1);
    const Run window =
        cli(f, QStringList{QStringLiteral("resubmission-days"), QStringLiteral("14")} + asAdmin, kPassword);
    QCOMPARE(window.exitCode, 0);
    QCOMPARE(window.out.trimmed(), QStringLiteral("retention.resubmission_days = 14"));
    QCOMPARE(cli(f, QStringList{QStringLiteral("days")} + asAdmin, kPassword).out.trimmed(),
             QStringLiteral("retention.days = 180"));
}

QTEST_GUILESS_MAIN(TestRetentionCli)
#include "TestRetentionCli.moc"
