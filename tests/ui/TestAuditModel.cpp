#include "core/store/AuditChain.h"
#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/store/SqlTransaction.h"
#include "tests/support/StoreFixture.h"
#include "ui/Language.h"
#include "ui/models/AuditModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace mado;
using namespace mado::test;

constexpr int kWait = 30000;

// AuditModel under QAbstractItemModelTester on a real store: lazy pages of AuditLog, a refresh
// that drops the page in flight, and a failed read reported as an Error.
class TestAuditModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(Language::install(QStringLiteral("en"))); }
    void pagesThroughALongChainNewestFirst();
    void refreshStartsOverWithoutTheOldPage();
    void reportsAFailedRead();

private:
    // Appends `count` entries through AuditChain, as the workflow does, in one transaction.
    static bool appendEntries(StoreFixture &fixture, int count);
    static bool loadAll(AuditModel &model);
};

bool TestAuditModel::appendEntries(StoreFixture &fixture, int count)
{
    auto db = fixture.store().connections().database();
    if (!db)
        return false;
    SqlTransaction tx(db.value());
    if (!tx.begun())
        return false;
    for (int i = 0; i < count; ++i) {
        AuditChain::Entry entry;
        entry.at = fixture.clock().now();
        entry.actor = QStringLiteral("system:test");
        entry.action = QStringLiteral("test_entry");
        entry.subject = QStringLiteral("test:%1").arg(i);
        if (!AuditChain::append(db.value(), entry))
            return false;
    }
    return tx.commit().ok();
}

bool TestAuditModel::loadAll(AuditModel &model)
{
    for (int guard = 0; guard < 100; ++guard) {
        if (!QTest::qWaitFor([&] { return !model.isLoading(); }, kWait))
            return false;
        if (!model.canFetchMore({}))
            return true;
        model.fetchMore({});
    }
    return false;
}

void TestAuditModel::pagesThroughALongChainNewestFirst()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    QVERIFY(appendEntries(fixture, 1100));
    const qint64 total =
        Sql::scalar(fixture.store().connections().database().value(), QStringLiteral("SELECT COUNT(*) FROM audit"))
            .value()
            .toLongLong();
    QVERIFY(total > 2 * AuditLog::kDefaultPageSize);
    AuditModel model(fixture.store());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(&model, &AuditModel::pageLoaded);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), AuditLog::kDefaultPageSize, kWait);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QVERIFY(!model.canFetchMore({})); // one page in flight at a time
    QVERIFY(loadAll(model));
    QCOMPARE(model.rowCount(), int(total));
    QCOMPARE(pages.count(), 3);
    QCOMPARE(model.data(model.index(0, AuditModel::Seq)).toLongLong(), total);
    QCOMPARE(model.data(model.index(0, AuditModel::Subject)).toString(), QStringLiteral("test:1099"));
    QCOMPARE(model.data(model.index(int(total) - 1, AuditModel::Seq)).toLongLong(), 1);
    for (int row = 1; row < model.rowCount(); ++row)
        QCOMPARE(model.data(model.index(row, AuditModel::Seq)).toLongLong(),
                 model.data(model.index(row - 1, AuditModel::Seq)).toLongLong() - 1);
    QCOMPARE(model.headerData(AuditModel::Action, Qt::Horizontal).toString(), QStringLiteral("Action"));
}

void TestAuditModel::refreshStartsOverWithoutTheOldPage()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    QVERIFY(appendEntries(fixture, 600));
    AuditModel model(fixture.store());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(&model, &AuditModel::pageLoaded);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), kWait);
    QCOMPARE(pages.count(), 1);
    // The second page is in flight when a new entry arrives and the user refreshes: the model
    // starts over from the newest entry, and the old second page never lands after it.
    model.fetchMore({});
    QVERIFY(appendEntries(fixture, 1));
    model.refresh();
    QVERIFY(loadAll(model));
    QCOMPARE(model.data(model.index(0, AuditModel::Subject)).toString(), QStringLiteral("test:0"));
    const qint64 newest = model.data(model.index(0, AuditModel::Seq)).toLongLong();
    QCOMPARE(model.rowCount(), int(newest));
    for (int row = 1; row < model.rowCount(); ++row)
        QCOMPARE(model.data(model.index(row, AuditModel::Seq)).toLongLong(), newest - row);
}

void TestAuditModel::reportsAFailedRead()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    auto db = fixture.store().connections().database();
    QVERIFY(db.ok());
    QVERIFY(Sql::run(db.value(), QStringLiteral("ALTER TABLE audit RENAME TO audit_gone")).ok());
    AuditModel model(fixture.store());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy failed(&model, &AuditModel::failed);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWait);
    QCOMPARE(failed.at(0).at(0).value<Error>().code, ErrorCode::Database);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(!model.isLoading());
}

QTEST_MAIN(TestAuditModel)
#include "TestAuditModel.moc"
