#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "tests/support/StoreFixture.h"
#include "tests/ui/GeneratedCases.h"
#include "ui/Language.h"
#include "ui/models/QueueModel.h"
#include "ui/support/DomainTexts.h"
#include "ui/views/QueueView.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <tuple>

using namespace mado;
using namespace mado::test;

// Generous: password hashing and queries share two cores with other builds.
constexpr int kWait = 30000;

class TestQueueModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void passesTheModelTesterWhileFiltersChange();
    void fetchesLazilyInPages();
    void dropsAPageOfAnOldFilter();
    void showsRealCasesWithTheirColumns();
    void viewFiltersSearchesAndCounts();
    void filterCombosShowWordsAndKeepKeysAsData();
    void enterAndDoubleClickActivateACase();
    void opensAHundredThousandCasesWithTheFirstPage();
};

namespace {

// Every loaded row of the model, by case id.
QList<qint64> ids(const QueueModel &model)
{
    QList<qint64> result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.caseId(row));
    return result;
}

// Loads every page of the model's current filter.
bool loadAll(QueueModel &model)
{
    for (int guard = 0; guard < 1000; ++guard) {
        if (!QTest::qWaitFor([&] { return !model.isLoading(); }, 10000))
            return false;
        if (!model.canFetchMore({}))
            return true;
        model.fetchMore({});
    }
    return false;
}

QString cell(const QueueModel &model, int row, int column)
{
    return model.data(model.index(row, column)).toString();
}

} // namespace

void TestQueueModel::initTestCase()
{
    QVERIFY(Language::install(QStringLiteral("en")));
}

void TestQueueModel::passesTheModelTesterWhileFiltersChange()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    const qint64 clerk = fixture.user(QStringLiteral("clerk1"));
    QVERIFY(GeneratedCases::insert(fixture.store(), 53, clerk).ok());
    QueueModel model(fixture.store());
    model.setPageSize(7);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    model.setFilter({});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 7, kWait);
    QVERIFY(loadAll(model));
    QCOMPARE(model.rowCount(), 53);

    // Each filter, checked against the generator's formula (GeneratedCases.h).
    QueueFilter claimed;
    claimed.states = {QStringLiteral("claimed")};
    model.setFilter(claimed);
    QVERIFY(loadAll(model));
    QCOMPARE(model.rowCount(), 10); // i % 5 == 0 for i in 1..53
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(cell(model, row, QueueModel::State), QStringLiteral("Claimed"));
        QCOMPARE(cell(model, row, QueueModel::Assignee), QStringLiteral("clerk1"));
    }

    QueueFilter mismatch;
    mismatch.band = QStringLiteral("mismatch");
    model.setFilter(mismatch);
    QVERIFY(loadAll(model));
    QCOMPARE(model.rowCount(), 5); // i % 10 == 0
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(cell(model, row, QueueModel::Band), QStringLiteral("Mismatch"));
        QCOMPARE(cell(model, row, QueueModel::Flags), QStringLiteral("2 issues"));
        QCOMPARE(model.data(model.index(row, QueueModel::Flags), Qt::ToolTipRole).toString(),
                 QStringLiteral("liveness:flat_photo,match:distance"));
    }

    QueueFilter procedure;
    procedure.procedure = QStringLiteral("tax_certificate");
    model.setFilter(procedure);
    QVERIFY(loadAll(model));
    QCOMPARE(model.rowCount(), 17); // i % 3 == 0

    QueueFilter mine;
    mine.assigneeId = clerk;
    model.setFilter(mine);
    QVERIFY(loadAll(model));
    QCOMPARE(model.rowCount(), 10);
    mine.assigneeId = fixture.user(QStringLiteral("clerk2"));
    model.setFilter(mine);
    QVERIFY(loadAll(model));
    QCOMPARE(model.rowCount(), 0);

    QueueFilter search;
    search.reference = QStringLiteral("A-000004"); // GEN-A-0000040 .. 0000049
    model.setFilter(search);
    QVERIFY(loadAll(model));
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(cell(model, 0, QueueModel::Reference), QStringLiteral("GEN-A-0000040"));
    search.reference = QStringLiteral("%"); // a LIKE wildcard is searched for literally
    model.setFilter(search);
    QVERIFY(loadAll(model));
    QCOMPARE(model.rowCount(), 0);

    QueueFilter combined;
    combined.states = {QStringLiteral("claimed")};
    combined.band = QStringLiteral("mismatch");
    combined.procedure = QStringLiteral("tax_certificate");
    model.setFilter(combined);
    QVERIFY(loadAll(model));
    QCOMPARE(ids(model).size(), 1); // i = 30
    QCOMPARE(cell(model, 0, QueueModel::Reference), QStringLiteral("GEN-A-0000030"));
    QCOMPARE(model.countsPerState().value(QStringLiteral("verified")), 43);
    QCOMPARE(model.countsPerState().value(QStringLiteral("claimed")), 10);
}

void TestQueueModel::fetchesLazilyInPages()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    QVERIFY(GeneratedCases::insert(fixture.store(), 450, 0).ok());
    QueueModel model(fixture.store());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(&model, &QueueModel::pageLoaded);
    model.setFilter({});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 200, kWait);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QVERIFY(!model.canFetchMore({})); // one page in flight at a time
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 400, kWait);
    model.fetchMore({});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 450, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), kWait);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(pages.count(), 3);
    // Arrival order, no gaps or repeats across the pages.
    const QList<qint64> loaded = ids(model);
    for (int i = 1; i < loaded.size(); ++i)
        QCOMPARE(loaded.at(i), loaded.at(i - 1) + 1);
}

void TestQueueModel::dropsAPageOfAnOldFilter()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    QVERIFY(GeneratedCases::insert(fixture.store(), 100, fixture.user(QStringLiteral("clerk1"))).ok());
    QueueModel model(fixture.store());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(&model, &QueueModel::pageLoaded);
    // The first page (all states) is still loading when the filter changes: only claimed rows may appear.
    model.setFilter({});
    QueueFilter claimed;
    claimed.states = {QStringLiteral("claimed")};
    model.setFilter(claimed);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 20, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), kWait);
    QCOMPARE(pages.count(), 1);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(cell(model, row, QueueModel::State), QStringLiteral("Claimed"));
}

void TestQueueModel::showsRealCasesWithTheirColumns()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    const qint64 verified = fixture.caseIn(CaseState::Verified);
    const qint64 claimed = fixture.caseIn(CaseState::Claimed);
    QVERIFY(verified && claimed);
    auto record = fixture.store().caseStatus(claimed);
    QVERIFY(record.ok());
    QueueModel model(fixture.store());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter({});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, kWait);
    QCOMPARE(model.caseId(1), claimed);
    QCOMPARE(model.data(model.index(1, 0), QueueModel::CaseIdRole).toLongLong(), claimed);
    QCOMPARE(cell(model, 1, QueueModel::Reference), record.value().reference);
    QCOMPARE(cell(model, 1, QueueModel::Procedure), QStringLiteral("Tax certificate (課税証明書)"));
    QCOMPARE(cell(model, 1, QueueModel::State), QStringLiteral("Claimed"));
    QCOMPARE(cell(model, 1, QueueModel::Assignee), QStringLiteral("clerk1"));
    QCOMPARE(cell(model, 1, QueueModel::Band), DomainTexts::band(StoreFixture::matchVerdict(QString()).band));
    QVERIFY(!cell(model, 1, QueueModel::Received).isEmpty());
    QVERIFY(!cell(model, 1, QueueModel::Age).isEmpty());
    QCOMPARE(cell(model, 0, QueueModel::Assignee), QString());
    QCOMPARE(model.headerData(QueueModel::Band, Qt::Horizontal).toString(), QStringLiteral("AI band"));
}

void TestQueueModel::viewFiltersSearchesAndCounts()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    const qint64 clerk = fixture.user(QStringLiteral("clerk1"));
    QVERIFY(GeneratedCases::insert(fixture.store(), 30, clerk).ok());
    QVERIFY(fixture.caseIn(CaseState::Batched));
    QVERIFY(fixture.caseIn(CaseState::Held));
    QueueView view(fixture.store(), clerk, true);
    view.show();
    QueueModel *model = view.model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 32, kWait);
    auto *counts = view.findChild<QLabel *>(QStringLiteral("countsLabel"));
    QVERIFY(counts);
    QTRY_VERIFY2_WITH_TIMEOUT(counts->text().contains(QStringLiteral("Pending approval: 1")),
                              qPrintable(counts->text()), kWait);
    // The held case waits with the others and is named as such.
    QVERIFY2(counts->text().contains(QStringLiteral("Waiting: 25 (held: 1)")), qPrintable(counts->text()));

    auto *state = view.findChild<QComboBox *>(QStringLiteral("stateComboBox"));
    QVERIFY(state);
    state->setCurrentIndex(state->findData(QStringLiteral("claimed")));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 6, kWait);
    auto *mine = view.findChild<QCheckBox *>(QStringLiteral("mineCheckBox"));
    QVERIFY(mine);
    QTest::mouseClick(mine, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(model->filter().assigneeId, clerk, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 6, kWait);
    state->setCurrentIndex(0);
    auto *band = view.findChild<QComboBox *>(QStringLiteral("bandComboBox"));
    QVERIFY(band);
    band->setCurrentIndex(band->findData(QStringLiteral("review")));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, kWait); // review rows are i % 10 == 1: none is claimed
    QTest::mouseClick(mine, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, kWait);
    band->setCurrentIndex(0);
    auto *search = view.findChild<QLineEdit *>(QStringLiteral("searchLineEdit"));
    QVERIFY(search);
    QTest::keyClicks(search, QStringLiteral("A-000002"));
    QTRY_COMPARE_WITH_TIMEOUT(model->filter().reference, QStringLiteral("A-000002"), kWait);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 10, kWait);
    QueueView clerkView(fixture.store(), clerk, false);
    auto *clerkCounts = clerkView.findChild<QLabel *>(QStringLiteral("countsLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(clerkCounts->text().contains(QStringLiteral("Waiting")), kWait);
    QVERIFY(!clerkCounts->text().contains(QStringLiteral("Pending approval")));
}

void TestQueueModel::filterCombosShowWordsAndKeepKeysAsData()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    QVERIFY(Language::install(QStringLiteral("ja")));
    QueueView view(fixture.store(), fixture.user(QStringLiteral("clerk1")), false);
    auto *state = view.findChild<QComboBox *>(QStringLiteral("stateComboBox"));
    auto *band = view.findChild<QComboBox *>(QStringLiteral("bandComboBox"));
    auto *procedure = view.findChild<QComboBox *>(QStringLiteral("procedureComboBox"));
    QVERIFY(state && band && procedure);
    const QList<std::tuple<QComboBox *, QStringList, QString (*)(const QString &)>> combos{
        {state, DomainTexts::stateKeys(), &DomainTexts::state},
        {band, DomainTexts::bandKeys(), &DomainTexts::band},
        {procedure, DomainTexts::procedureKeys(), &DomainTexts::procedure}};
    for (const auto &[combo, keys, words] : combos) {
        QCOMPARE(combo->count(), keys.size() + 1);
        QCOMPARE(combo->itemData(0).toString(), QString()); // "all"
        for (int i = 1; i < combo->count(); ++i) {
            const QString key = combo->itemData(i).toString();
            QCOMPARE(key, keys.at(i - 1));
            QCOMPARE(combo->itemText(i), words(key));
            QVERIFY2(combo->itemText(i) != key, qPrintable(key));
        }
    }
    QCOMPARE(state->itemText(state->findData(QStringLiteral("verified"))), QStringLiteral("検証済み"));
    QCOMPARE(band->itemText(band->findData(QStringLiteral("mismatch"))), QStringLiteral("不一致"));
    QCOMPARE(procedure->itemText(procedure->findData(QStringLiteral("juminhyo_copy"))), QStringLiteral("住民票の写し"));

    // The filter uses the key; switching the language keeps the choice and changes the words.
    state->setCurrentIndex(state->findData(QStringLiteral("batch_approved")));
    QTRY_COMPARE_WITH_TIMEOUT(view.model()->filter().states.value(0), QStringLiteral("batch_approved"), kWait);
    QVERIFY(Language::install(QStringLiteral("en")));
    QTRY_COMPARE_WITH_TIMEOUT(state->currentText(), QStringLiteral("Batch approved"), kWait);
    QCOMPARE(state->currentData().toString(), QStringLiteral("batch_approved"));
    QCOMPARE(band->itemText(band->findData(QStringLiteral("mismatch"))), QStringLiteral("Mismatch"));
}

void TestQueueModel::enterAndDoubleClickActivateACase()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    QVERIFY(GeneratedCases::insert(fixture.store(), 5, 0).ok());
    QueueView view(fixture.store(), 0, false);
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 5, kWait);
    QSignalSpy activated(&view, &QueueView::caseActivated);
    QTableView *table = view.table();
    table->setFocus();
    table->setCurrentIndex(view.model()->index(2, 0));
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toLongLong(), view.model()->caseId(2));
    const QRect rect = table->visualRect(view.model()->index(3, 1));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(activated.count(), 2);
    QCOMPARE(activated.at(1).at(0).toLongLong(), view.model()->caseId(3));
}

void TestQueueModel::opensAHundredThousandCasesWithTheFirstPage()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    QVERIFY(GeneratedCases::insert(fixture.store(), 100000, fixture.user(QStringLiteral("clerk1"))).ok());
    QElapsedTimer timer;
    timer.start();
    QueueView view(fixture.store(), fixture.user(QStringLiteral("clerk1")), true);
    view.resize(1000, 600);
    view.show();
    QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), QueueModel::kDefaultPageSize, kWait);
    qInfo("100,000 cases: first page shown after %lld ms", static_cast<long long>(timer.elapsed()));
    QCOMPARE(view.model()->countsPerState().value(QStringLiteral("verified")), 80000);
    QCOMPARE(view.model()->caseId(0), view.model()->caseId(199) - 199);
    // Scrolling to the end of what is loaded fetches the next page.
    QTRY_VERIFY_WITH_TIMEOUT(!view.model()->isLoading(), kWait);
    view.table()->scrollToBottom();
    QTRY_VERIFY_WITH_TIMEOUT(view.model()->rowCount() >= 2 * QueueModel::kDefaultPageSize, kWait);
    // A search deep in the store finds its row without loading the pages before it.
    auto *search = view.findChild<QLineEdit *>(QStringLiteral("searchLineEdit"));
    QTest::keyClicks(search, QStringLiteral("A-0099999"));
    QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 1, kWait);
    QCOMPARE(cell(*view.model(), 0, QueueModel::Reference), QStringLiteral("GEN-A-0099999"));
}

QTEST_MAIN(TestQueueModel)
#include "TestQueueModel.moc"
