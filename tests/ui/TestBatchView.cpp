#include "core/security/UserDirectory.h"
#include "core/store/CaseStore.h"
#include "core/workflow/BatchWorkflow.h"
#include "core/workflow/CaseWorkflow.h"
#include "tests/support/StoreFixture.h"
#include "tests/ui/UiTestKit.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"
#include "ui/support/DomainTexts.h"
#include "ui/views/BatchView.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTest>

using namespace mado;
using namespace mado::test;

// Generous: password hashing and queries share two cores with other builds.
constexpr int kWait = 30000;

// The supervisor's batch page, clicked through like a supervisor would, checked against the store.
class TestBatchView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(Language::install(QStringLiteral("en"))); }
    void cleanupTestCase() { Language::install(Language::defaultLanguage()); }
    void approvesABatchEndToEnd();
    void refusesTheSupervisorsOwnDecision();
    void keepsTheBatchOnAWrongPassword();
    void returnsACaseToItsClerkWithAComment();
    void showsWordsAndOpensACaseReadOnly();
};

namespace {

CaseState state(StoreFixture &fixture, qint64 caseId)
{
    auto record = fixture.store().caseStatus(caseId);
    return record ? record.value().state : CaseState::Received;
}

} // namespace

void TestBatchView::approvesABatchEndToEnd()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    const qint64 first = fixture.caseIn(CaseState::Decided);
    const qint64 second = fixture.caseIn(CaseState::Decided);
    const qint64 other = fixture.caseIn(CaseState::Decided);
    QVERIFY(first && second && other);
    MainWindow window;
    window.startSession(fixture.store(), logIn(fixture, QStringLiteral("sup1")), {});
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *view = child<BatchView>(window, "batchView");
    QVERIFY(view);
    auto *tabs = child<QTabWidget>(window, "pagesTabWidget");
    tabs->setCurrentWidget(view);
    auto *unbatched = child<QTableWidget>(window, "unbatchedTableWidget");
    auto *create = child<QPushButton>(window, "createBatchButton");
    auto *batches = child<QTableWidget>(window, "batchesTableWidget");
    auto *batchCases = child<QTableWidget>(window, "batchCasesTableWidget");
    auto *password = child<QLineEdit>(window, "approvePasswordLineEdit");
    auto *approve = child<QPushButton>(window, "approveBatchButton");
    auto *reason = child<QLabel>(window, "approveReasonLabel");
    QVERIFY(unbatched && create && batches && batchCases && password && approve && reason);

    QTRY_COMPARE_WITH_TIMEOUT(unbatched->rowCount(), 3, kWait);
    QVERIFY(!create->isEnabled());
    QVERIFY(clickRow(unbatched, reference(fixture, first)));
    QVERIFY(clickRow(unbatched, reference(fixture, second)));
    QVERIFY(create->isEnabled());
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(batches->rowCount(), 1, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(unbatched->rowCount(), 1, kWait);
    // The batched cases' selection does not pass on to the case left in their rows.
    QVERIFY(unbatched->selectionModel()->selectedRows().isEmpty());
    QVERIFY(!create->isEnabled());
    QCOMPARE(state(fixture, first), CaseState::Batched);
    QCOMPARE(state(fixture, second), CaseState::Batched);
    QCOMPARE(state(fixture, other), CaseState::Decided);

    QVERIFY(!approve->isEnabled());
    QVERIFY(clickRow(batches, batches->item(0, 0)->text()));
    QCOMPARE(batchCases->rowCount(), 2);
    QVERIFY(!approve->isEnabled()); // the password is not entered yet
    QVERIFY(reason->text().contains(QStringLiteral("password")));
    QTest::keyClicks(password, QString::fromLatin1(StoreFixture::kPassword));
    QVERIFY(approve->isEnabled());
    QVERIFY(reason->text().isEmpty());
    QSignalSpy queued(&window, &MainWindow::outcomesQueued);
    QTest::mouseClick(approve, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(state(fixture, first), CaseState::BatchApproved, kWait);
    QCOMPARE(state(fixture, second), CaseState::BatchApproved);
    QCOMPARE(state(fixture, other), CaseState::Decided);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(window, "batchMessageLabel")->text().contains(QStringLiteral("approved")),
                             kWait);
    QTRY_COMPARE_WITH_TIMEOUT(batches->item(0, 1)->text(), QStringLiteral("Approved"), kWait);
    QVERIFY(!approve->isEnabled());
    // The decisions' notices are queued with the approval and the window asks for their delivery.
    QCOMPARE(queued.count(), 1);
    QSqlQuery notices(fixture.store().connections().database().value());
    QVERIFY(notices.exec(QStringLiteral("SELECT count(*) FROM outcome_outbox WHERE outcome = 'approved'")));
    QVERIFY(notices.next());
    QCOMPARE(notices.value(0).toInt(), 2);
    // The approval is in the audit chain under the supervisor's name.
    auto db = fixture.store().connections().database();
    QVERIFY(db.ok());
    QSqlQuery audit(db.value());
    QVERIFY(audit.exec(QStringLiteral("SELECT actor FROM audit WHERE action = 'batch_approved'")));
    QVERIFY(audit.next());
    QCOMPARE(audit.value(0).toString(), QStringLiteral("sup1"));
}

void TestBatchView::refusesTheSupervisorsOwnDecision()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    // sup1 decides a case himself; a clerk puts it into a batch.
    const qint64 caseId = fixture.caseIn(CaseState::Verified);
    QVERIFY(caseId);
    const qint64 sup1 = fixture.user(QStringLiteral("sup1"));
    CaseWorkflow cases(fixture.store());
    QVERIFY(cases.claim(sup1, caseId).ok());
    QVERIFY(cases.decide(sup1, caseId, {DecisionOutcome::Approved, QString(), QString()}).ok());
    auto batch = BatchWorkflow(fixture.store()).submit(fixture.user(QStringLiteral("clerk1")), {caseId});
    QVERIFY(batch.ok());

    for (const QString &login : {QStringLiteral("sup1"), QStringLiteral("sup2")}) {
        BatchView view(fixture.store(), fixture.user(login));
        view.resize(1200, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto *batches = child<QTableWidget>(view, "batchesTableWidget");
        QTRY_COMPARE_WITH_TIMEOUT(batches->rowCount(), 1, kWait);
        QVERIFY(clickRow(batches, QString::number(batch.value())));
        QTest::keyClicks(child<QLineEdit>(view, "approvePasswordLineEdit"),
                         QString::fromLatin1(StoreFixture::kPassword));
        auto *approve = child<QPushButton>(view, "approveBatchButton");
        const QString reason = child<QLabel>(view, "approveReasonLabel")->text();
        if (login == QStringLiteral("sup1")) {
            QVERIFY(!approve->isEnabled());
            QVERIFY2(reason.contains(QStringLiteral("four-eyes")), qPrintable(reason));
        } else {
            // Another supervisor may approve it: the button is enabled for them.
            QVERIFY(approve->isEnabled());
            QVERIFY(reason.isEmpty());
        }
    }
    // Core refuses sup1 as well when called directly, and nothing changes.
    const Status refused =
        BatchWorkflow(fixture.store()).approve(sup1, batch.value(), QString::fromLatin1(StoreFixture::kPassword));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::FourEyesViolation);
    QCOMPARE(state(fixture, caseId), CaseState::Batched);
}

void TestBatchView::keepsTheBatchOnAWrongPassword()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    const qint64 caseId = fixture.caseIn(CaseState::Batched);
    QVERIFY(caseId);
    BatchView view(fixture.store(), fixture.user(QStringLiteral("sup1")));
    view.resize(1200, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *batches = child<QTableWidget>(view, "batchesTableWidget");
    QTRY_COMPARE_WITH_TIMEOUT(batches->rowCount(), 1, kWait);
    QVERIFY(clickRow(batches, batches->item(0, 0)->text()));
    QTest::keyClicks(child<QLineEdit>(view, "approvePasswordLineEdit"), QStringLiteral("not my password"));
    QSignalSpy changed(&view, &BatchView::workflowChanged);
    QSignalSpy queued(&view, &BatchView::outcomesQueued);
    QTest::mouseClick(child<QPushButton>(view, "approveBatchButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kWait);
    QCOMPARE(queued.count(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(
        child<QLabel>(view, "batchMessageLabel")->text().contains(QStringLiteral("Wrong password")), kWait);
    QCOMPARE(state(fixture, caseId), CaseState::Batched);
}

void TestBatchView::returnsACaseToItsClerkWithAComment()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    // Two cases in one batch; the second one is returned.
    const qint64 kept = fixture.caseIn(CaseState::Decided);
    const qint64 caseId = fixture.caseIn(CaseState::Decided);
    QVERIFY(kept && caseId);
    QVERIFY(BatchWorkflow(fixture.store()).submit(fixture.user(QStringLiteral("clerk1")), {kept, caseId}).ok());
    BatchView view(fixture.store(), fixture.user(QStringLiteral("sup1")));
    view.resize(1200, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *batches = child<QTableWidget>(view, "batchesTableWidget");
    QTRY_COMPARE_WITH_TIMEOUT(batches->rowCount(), 1, kWait);
    QVERIFY(clickRow(batches, batches->item(0, 0)->text()));
    auto *batchCases = child<QTableWidget>(view, "batchCasesTableWidget");
    QCOMPARE(batchCases->rowCount(), 2);
    auto *returnButton = child<QPushButton>(view, "returnButton");
    QVERIFY(clickRow(batchCases, reference(fixture, caseId)));
    QVERIFY(!returnButton->isEnabled()); // a comment is required
    QTest::keyClicks(child<QLineEdit>(view, "returnCommentLineEdit"), QStringLiteral("The photo is blurred"));
    QVERIFY(returnButton->isEnabled());
    QTest::mouseClick(returnButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(state(fixture, caseId), CaseState::Returned, kWait);
    auto record = fixture.store().caseStatus(caseId);
    QVERIFY(record.ok());
    QCOMPARE(record.value().returnComment, QStringLiteral("The photo is blurred"));
    QCOMPARE(record.value().assigneeId, fixture.user(QStringLiteral("clerk1")));
    QTRY_COMPARE_WITH_TIMEOUT(batchCases->rowCount(), 1, kWait);
    // The returned case's selection does not pass on to the case left in the batch.
    QVERIFY(batchCases->selectionModel()->selectedRows().isEmpty());
    QVERIFY(!returnButton->isEnabled());
}

void TestBatchView::showsWordsAndOpensACaseReadOnly()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    const qint64 decided = fixture.caseIn(CaseState::Decided);
    QVERIFY(decided);
    MainWindow window;
    window.startSession(fixture.store(), logIn(fixture, QStringLiteral("sup1")), {});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tabs = child<QTabWidget>(window, "pagesTabWidget");
    auto *view = child<BatchView>(window, "batchView");
    auto *unbatched = child<QTableWidget>(window, "unbatchedTableWidget");
    QVERIFY(tabs && view && unbatched);
    tabs->setCurrentWidget(view);
    QTRY_COMPARE_WITH_TIMEOUT(unbatched->rowCount(), 1, kWait);
    // Keys of core in words, not "tax_certificate" or "decided".
    QCOMPARE(unbatched->item(0, 1)->text(), DomainTexts::procedure(QStringLiteral("tax_certificate")));
    QCOMPARE(unbatched->item(0, 2)->text(), QStringLiteral("Approved"));
    QCOMPARE(unbatched->item(0, 4)->text(), QStringLiteral("Decided"));

    QSignalSpy activated(&window, &MainWindow::caseActivated);
    const QRect rect = unbatched->visualItemRect(unbatched->item(0, 0));
    // A real double click: press and release, then the double click on the same row.
    QTest::mouseClick(unbatched->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(unbatched->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_COMPARE_WITH_TIMEOUT(activated.count(), 1, kWait);
    QCOMPARE(activated.at(0).at(0).toLongLong(), decided);
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("casePage"));
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(window, "readOnlyLabel")->isVisible(), kWait);
    QVERIFY(!child<QPushButton>(window, "approveButton")->isEnabled());
}

QTEST_MAIN(TestBatchView)
#include "TestBatchView.moc"
