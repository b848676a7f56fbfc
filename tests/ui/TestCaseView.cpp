#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/workflow/CaseWorkflow.h"
#include "core/workflow/Retention.h"
#include "tests/support/StoreFixture.h"
#include "tests/ui/RealCase.h"
#include "ui/Language.h"
#include "ui/support/ReasonTexts.h"
#include "ui/views/CaseView.h"
#include "ui/widgets/AiPanel.h"
#include "ui/widgets/DistanceGauge.h"
#include "ui/widgets/ImageComparisonWidget.h"
#include "ui/widgets/ZoomImageView.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace mado;

// The case view on a real store with real cases (verified by the real engine): audited opening,
// the checklist gating Approve, rejection and resubmission with reasons, the keyboard flow, held
// cases, read-only mode for supervisors and stale loads.
class TestCaseView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensARealCaseAndAuditsIt();
    void showsTheAiEvidence();
    void aiPanelMarksWarningsAndFailures();
    void highlightsDifferencesFromTheRegister();
    void approveNeedsTheWholeChecklist();
    void rejectNeedsAReasonAndAComment();
    void resubmissionNeedsAReason();
    void keyboardApprovesAndMovesOn();
    void heldCaseShowsWhyAndCannotBeApproved();
    void supervisorReadsOnly();
    void caseClaimedByAnotherClerkIsReadOnly();
    void unverifiedCaseHasNoAiEvidence();
    void aStaleLoadIsDropped();
    void loadsAtOnceOnATwoThreadPoolFinish();
    void purgedCaseSaysItsImagesWereDeleted(); // last: it runs retention over the shared store

private:
    qint64 newCase();
    bool open(CaseView &view, qint64 caseId);
    int auditCount(const QString &action, const QString &actor, qint64 caseId);
    CaseRecord status(qint64 caseId);
    template <typename T> T *child(CaseView &view, const char *name);

    QTemporaryDir m_dir;
    std::unique_ptr<test::StoreFixture> m_fixture;
    std::unique_ptr<test::RealCase> m_case;
    qint64 m_clerk = 0;
};

template <typename T> T *TestCaseView::child(CaseView &view, const char *name)
{
    T *widget = view.findChild<T *>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no child %s", name);
    return widget;
}

void TestCaseView::initTestCase()
{
    QVERIFY(Language::install(QStringLiteral("ja")));
    m_fixture = std::make_unique<test::StoreFixture>();
    QVERIFY(m_fixture->ok());
    m_clerk = m_fixture->user(QStringLiteral("clerk1"));
    auto real = test::RealCase::create(m_dir.filePath(QStringLiteral("bundle")));
    QVERIFY2(real.ok(), qPrintable(real.ok() ? QString() : real.error().message));
    m_case = std::move(real).value();
}

qint64 TestCaseView::newCase()
{
    auto id = m_case->import(*m_fixture);
    if (!id)
        qFatal("import failed: %s", qPrintable(id.error().message));
    return id.value();
}

bool TestCaseView::open(CaseView &view, qint64 caseId)
{
    QSignalSpy loaded(&view, &CaseView::caseLoaded);
    view.openCase(caseId);
    if (!loaded.wait(20000))
        return false;
    return loaded.takeFirst().at(0).toLongLong() == caseId;
}

int TestCaseView::auditCount(const QString &action, const QString &actor, qint64 caseId)
{
    auto db = m_fixture->store().connections().database();
    auto count = Sql::scalar(
        db.value(), QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = :a AND actor = :u AND subject = :s"),
        {{QStringLiteral("a"), action},
         {QStringLiteral("u"), actor},
         {QStringLiteral("s"), QStringLiteral("case:%1").arg(caseId)}});
    return count.ok() ? count.value().toInt() : -1;
}

CaseRecord TestCaseView::status(qint64 caseId)
{
    auto record = m_fixture->store().caseStatus(caseId);
    if (!record)
        qFatal("caseStatus failed: %s", qPrintable(record.error().message));
    return record.value();
}

void TestCaseView::opensARealCaseAndAuditsIt()
{
    const qint64 id = newCase();
    QCOMPARE(auditCount(QStringLiteral("case_viewed"), QStringLiteral("clerk1"), id), 0);
    CaseView view(m_fixture->store(), m_clerk);
    view.resize(1400, 900);
    view.show();
    QVERIFY(open(view, id));
    QCOMPARE(auditCount(QStringLiteral("case_viewed"), QStringLiteral("clerk1"), id), 1);
    QCOMPARE(status(id).state, CaseState::Claimed);
    QCOMPARE(status(id).assigneeId, m_clerk);
    QVERIFY(view.canDecide());
    QVERIFY(!view.comparison()->documentView()->image().isNull());
    QVERIFY(!view.comparison()->selfieView()->image().isNull());
    QVERIFY(child<QLabel>(view, "caseLabel")->text().contains(view.caseData().record.reference));
    QVERIFY(!child<QLabel>(view, "holdLabel")->isVisible());
}

void TestCaseView::showsTheAiEvidence()
{
    const qint64 id = newCase();
    CaseView view(m_fixture->store(), m_clerk);
    QVERIFY(open(view, id));
    const Verdict &v = m_case->verdict();
    QCOMPARE(view.aiPanel()->gauge()->distance(), v.matchDistance);
    QCOMPARE(view.aiPanel()->gauge()->matchMax(), 0.60);
    QCOMPARE(view.aiPanel()->gauge()->reviewMax(), 0.67);
    QCOMPARE(view.aiPanel()->gauge()->zone(), v.band);
    QTableWidget *checks = view.aiPanel()->checksTable();
    QCOMPARE(checks->rowCount(), int(v.checks.size()));
    QCOMPARE(checks->rowCount(), 9); // one row per check: nine since selfie_copies_document
    for (int row = 0; row < checks->rowCount(); ++row) {
        const Check &c = v.checks[std::size_t(row)];
        QCOMPARE(checks->item(row, AiPanel::CheckColumn)->data(Qt::UserRole).toString(), c.id);
        QCOMPARE(checks->item(row, AiPanel::OutcomeColumn)->data(Qt::UserRole).toString(), outcomeName(c.outcome));
        const QString words = checks->item(row, AiPanel::ReasonColumn)->text();
        QCOMPARE(words, ReasonTexts::reason(c.id, c.reason));
        // In words, not the code.
        QVERIFY2(words != c.reason, qPrintable(c.reason));
    }
}

void TestCaseView::aiPanelMarksWarningsAndFailures()
{
    Verdict v;
    v.matchDistance = 0.65;
    v.band = QStringLiteral("review");
    v.checks = {Check{QStringLiteral("document_face"), Outcome::Pass, QStringLiteral("ok"), 1.0},
                Check{QStringLiteral("image_quality"), Outcome::Warn, QStringLiteral("frame2:blurred"), 3.1},
                Check{QStringLiteral("flat_photo"), Outcome::Fail, QStringLiteral("flat_photo_suspected"), 0.01}};
    AiPanel panel;
    panel.setThresholds(0.60, 0.67);
    panel.setVerdict(v);
    QCOMPARE(panel.gauge()->zone(), QStringLiteral("review"));
    QVERIFY2(panel.findChild<QLabel *>(QStringLiteral("bandLabel"))->text().contains(QStringLiteral("要確認")),
             qPrintable(panel.findChild<QLabel *>(QStringLiteral("bandLabel"))->text()));
    QTableWidget *checks = panel.checksTable();
    QCOMPARE(checks->rowCount(), 3);
    const QString marks[] = {QStringLiteral("✓"), QStringLiteral("!"), QStringLiteral("✗")};
    const QString outcomes[] = {QStringLiteral("pass"), QStringLiteral("warn"), QStringLiteral("fail")};
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(checks->item(row, AiPanel::OutcomeColumn)->text(), marks[row]);
        QCOMPARE(checks->item(row, AiPanel::OutcomeColumn)->data(Qt::UserRole).toString(), outcomes[row]);
    }
    // Three outcomes, three colours.
    QVERIFY(checks->item(0, 0)->background() != checks->item(1, 0)->background());
    QVERIFY(checks->item(1, 0)->background() != checks->item(2, 0)->background());
    const QString blurred = checks->item(1, AiPanel::ReasonColumn)->text();
    QVERIFY2(blurred.contains(QStringLiteral("ぼやけ")) && blurred.contains(QLatin1Char('2')), qPrintable(blurred));
    QVERIFY(checks->item(2, AiPanel::ReasonColumn)->text().contains(QStringLiteral("平面")));
    panel.setVerdict(std::nullopt);
    QCOMPARE(checks->rowCount(), 0);
    QCOMPARE(panel.gauge()->zone(), QString());
}

void TestCaseView::highlightsDifferencesFromTheRegister()
{
    // The specimen form's address (見本町1-2-3, 100-0001) differs from the register's
    // (登録町4-5-6, 100-0002); name, kana and date of birth agree.
    const qint64 id = newCase();
    CaseView view(m_fixture->store(), m_clerk);
    QVERIFY(open(view, id));
    QTableWidget *table = child<QTableWidget>(view, "registerTableWidget");
    QCOMPARE(table->rowCount(), 5);
    QMap<QString, bool> differs;
    for (int row = 0; row < table->rowCount(); ++row)
        differs.insert(table->item(row, 1)->text(), table->item(row, 2)->data(Qt::UserRole).toBool());
    QCOMPARE(differs.value(QStringLiteral("見本 太郎"), true), false);
    QCOMPARE(differs.value(QStringLiteral("1980-04-01"), true), false);
    QCOMPARE(differs.value(QStringLiteral("100-0001"), false), true);
    QCOMPARE(differs.value(QStringLiteral("東京都見本区見本町1-2-3"), false), true);
    QCOMPARE(table->item(4, 2)->text(), QStringLiteral("東京都見本区登録町4-5-6"));
}

void TestCaseView::approveNeedsTheWholeChecklist()
{
    const qint64 id = newCase();
    CaseView view(m_fixture->store(), m_clerk);
    QSignalSpy decided(&view, &CaseView::decided);
    QVERIFY(open(view, id));
    auto *approve = child<QPushButton>(view, "approveButton");
    QCheckBox *boxes[] = {child<QCheckBox>(view, "faceMatchCheckBox"), child<QCheckBox>(view, "documentValidCheckBox"),
                          child<QCheckBox>(view, "registerMatchCheckBox")};
    QVERIFY(!approve->isEnabled());
    QTest::mouseClick(boxes[0], Qt::LeftButton, {}, QPoint(5, boxes[0]->height() / 2));
    QTest::mouseClick(boxes[2], Qt::LeftButton, {}, QPoint(5, boxes[2]->height() / 2));
    QVERIFY(boxes[0]->isChecked() && boxes[2]->isChecked());
    QVERIFY(!approve->isEnabled());
    QTest::mouseClick(approve, Qt::LeftButton);
    QTest::qWait(50);
    QCOMPARE(status(id).state, CaseState::Claimed);
    QTest::mouseClick(boxes[1], Qt::LeftButton, {}, QPoint(5, boxes[1]->height() / 2));
    QVERIFY(approve->isEnabled());
    QTest::mouseClick(boxes[0], Qt::LeftButton, {}, QPoint(5, boxes[0]->height() / 2));
    QVERIFY(!approve->isEnabled());
    QTest::mouseClick(boxes[0], Qt::LeftButton, {}, QPoint(5, boxes[0]->height() / 2));
    QVERIFY(approve->isEnabled());
    QTest::mouseClick(approve, Qt::LeftButton);
    QVERIFY(decided.wait(10000));
    QCOMPARE(decided.at(0).at(0).toLongLong(), id);
    const CaseRecord r = status(id);
    QCOMPARE(r.state, CaseState::Decided);
    QVERIFY(r.outcome == DecisionOutcome::Approved);
    QCOMPARE(r.decidedBy, m_clerk);
    QVERIFY(!approve->isEnabled());
}

void TestCaseView::rejectNeedsAReasonAndAComment()
{
    const qint64 id = newCase();
    CaseView view(m_fixture->store(), m_clerk);
    view.show();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    QSignalSpy decided(&view, &CaseView::decided);
    QVERIFY(open(view, id));
    auto *reject = child<QPushButton>(view, "rejectButton");
    auto *reason = child<QComboBox>(view, "rejectReasonComboBox");
    auto *comment = child<QLineEdit>(view, "rejectCommentEdit");
    auto *error = child<QLabel>(view, "rejectErrorLabel");
    QVERIFY(!reject->isEnabled());
    // The keyboard path explains what is missing instead of rejecting.
    QTest::keyClick(&view, Qt::Key_R, Qt::ControlModifier);
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    QTest::keyClicks(comment, QStringLiteral("not the same face"));
    QVERIFY(!reject->isEnabled());
    QTest::keyClick(&view, Qt::Key_R, Qt::ControlModifier);
    QTest::qWait(50);
    QCOMPARE(status(id).state, CaseState::Claimed);
    QCOMPARE(decided.count(), 0);
    reason->setCurrentIndex(reason->findData(QStringLiteral("face_mismatch")));
    QVERIFY(reject->isEnabled());
    comment->clear();
    QVERIFY(!reject->isEnabled());
    QTest::keyClicks(comment, QStringLiteral("not the same face"));
    QTest::mouseClick(reject, Qt::LeftButton);
    QVERIFY(decided.wait(10000));
    const CaseRecord r = status(id);
    QCOMPARE(r.state, CaseState::Decided);
    QVERIFY(r.outcome == DecisionOutcome::Rejected);
    QCOMPARE(r.reasonCode, QStringLiteral("face_mismatch"));
}

void TestCaseView::resubmissionNeedsAReason()
{
    const qint64 id = newCase();
    CaseView view(m_fixture->store(), m_clerk);
    QSignalSpy decided(&view, &CaseView::decided);
    QVERIFY(open(view, id));
    auto *resubmit = child<QPushButton>(view, "resubmitButton");
    auto *reason = child<QComboBox>(view, "resubmitReasonComboBox");
    QVERIFY(!resubmit->isEnabled());
    reason->setCurrentIndex(reason->findData(QStringLiteral("selfie_quality")));
    QVERIFY(resubmit->isEnabled());
    QTest::mouseClick(resubmit, Qt::LeftButton);
    QVERIFY(decided.wait(10000));
    const CaseRecord r = status(id);
    QCOMPARE(r.state, CaseState::Decided);
    QVERIFY(r.outcome == DecisionOutcome::ResubmissionRequested);
    QCOMPARE(r.reasonCode, QStringLiteral("selfie_quality"));
}

void TestCaseView::keyboardApprovesAndMovesOn()
{
    const qint64 first = newCase();
    const qint64 second = newCase();
    CaseView view(m_fixture->store(), m_clerk);
    // The host opens the next case when asked.
    QList<qint64> queue{second};
    connect(&view, &CaseView::nextRequested, &view, [&] {
        if (!queue.isEmpty())
            view.openCase(queue.takeFirst());
    });
    view.show();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    QSignalSpy decided(&view, &CaseView::decided);
    QSignalSpy next(&view, &CaseView::nextRequested);
    QSignalSpy loaded(&view, &CaseView::caseLoaded);
    QVERIFY(open(view, first));
    // Approve before the checklist does nothing.
    QTest::keyClick(&view, Qt::Key_Return, Qt::ControlModifier);
    QTest::qWait(50);
    QCOMPARE(status(first).state, CaseState::Claimed);
    QTest::keyClick(&view, Qt::Key_1, Qt::AltModifier);
    QTest::keyClick(&view, Qt::Key_2, Qt::AltModifier);
    QTest::keyClick(&view, Qt::Key_3, Qt::AltModifier);
    QVERIFY(child<QPushButton>(view, "approveButton")->isEnabled());
    QTest::keyClick(&view, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(decided.wait(10000));
    QCOMPARE(decided.at(0).at(0).toLongLong(), first);
    QCOMPARE(status(first).state, CaseState::Decided);
    QVERIFY(status(first).outcome == DecisionOutcome::Approved);
    QCOMPARE(next.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 20000);
    QCOMPARE(view.caseId(), second);
    QCOMPARE(status(second).state, CaseState::Claimed);
    // The checklist starts empty on the next case.
    QVERIFY(!child<QCheckBox>(view, "faceMatchCheckBox")->isChecked());
    QVERIFY(!child<QPushButton>(view, "approveButton")->isEnabled());
    QTest::keyClick(&view, Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(next.count(), 2);
}

void TestCaseView::heldCaseShowsWhyAndCannotBeApproved()
{
    const qint64 id = m_fixture->caseIn(CaseState::Held);
    QVERIFY(id > 0);
    const QString holdReason = status(id).holdReason;
    QVERIFY(!holdReason.isEmpty());
    CaseView view(m_fixture->store(), m_clerk);
    view.show();
    QVERIFY(open(view, id));
    auto *hold = child<QLabel>(view, "holdLabel");
    QVERIFY(hold->isVisible());
    QVERIFY2(hold->text().contains(holdReason), qPrintable(hold->text()));
    for (const char *name : {"faceMatchCheckBox", "documentValidCheckBox", "registerMatchCheckBox"})
        child<QCheckBox>(view, name)->setChecked(true);
    QVERIFY(view.canDecide());
    QVERIFY(!child<QPushButton>(view, "approveButton")->isEnabled());
    // Rejecting stays possible.
    auto *reason = child<QComboBox>(view, "rejectReasonComboBox");
    reason->setCurrentIndex(reason->findData(QStringLiteral("not_eligible")));
    QTest::keyClicks(child<QLineEdit>(view, "rejectCommentEdit"), QStringLiteral("juminhyo at the counter"));
    QVERIFY(child<QPushButton>(view, "rejectButton")->isEnabled());
}

void TestCaseView::supervisorReadsOnly()
{
    const qint64 id = newCase();
    const qint64 supervisor = m_fixture->user(QStringLiteral("sup1"));
    CaseView view(m_fixture->store(), supervisor);
    view.setReadOnly(true);
    view.show();
    QVERIFY(open(view, id));
    QCOMPARE(status(id).state, CaseState::Verified);
    QVERIFY(!view.canDecide());
    QVERIFY(!child<QGroupBox>(view, "decisionGroupBox")->isVisible());
    QVERIFY(child<QLabel>(view, "readOnlyLabel")->isVisible());
    QCOMPARE(auditCount(QStringLiteral("case_viewed"), QStringLiteral("sup1"), id), 1);
    QVERIFY(!view.comparison()->selfieView()->image().isNull());
}

void TestCaseView::caseClaimedByAnotherClerkIsReadOnly()
{
    const qint64 id = newCase();
    QVERIFY(CaseWorkflow(m_fixture->store()).claim(m_fixture->user(QStringLiteral("clerk2")), id).ok());
    CaseView view(m_fixture->store(), m_clerk);
    view.show();
    QSignalSpy failed(&view, &CaseView::failed);
    QVERIFY(open(view, id));
    QCOMPARE(failed.count(), 1);
    QVERIFY(child<QLabel>(view, "messageLabel")->isVisible());
    QVERIFY(!view.canDecide());
    for (const char *name : {"faceMatchCheckBox", "documentValidCheckBox", "registerMatchCheckBox"})
        child<QCheckBox>(view, name)->setChecked(true);
    QVERIFY(!child<QPushButton>(view, "approveButton")->isEnabled());
    QCOMPARE(status(id).assigneeId, m_fixture->user(QStringLiteral("clerk2")));
    // The images and evidence are still shown.
    QVERIFY(!view.comparison()->selfieView()->image().isNull());
}

void TestCaseView::unverifiedCaseHasNoAiEvidence()
{
    const qint64 id = m_fixture->caseIn(CaseState::Imported);
    QVERIFY(id > 0);
    CaseView view(m_fixture->store(), m_clerk);
    QVERIFY(open(view, id));
    QVERIFY(!view.caseData().verdict);
    QCOMPARE(view.aiPanel()->checksTable()->rowCount(), 0);
    QCOMPARE(view.aiPanel()->gauge()->zone(), QString());
    // An imported case cannot be claimed before verification.
    QVERIFY(!view.canDecide());
    QCOMPARE(status(id).state, CaseState::Imported);
}

void TestCaseView::aStaleLoadIsDropped()
{
    const qint64 first = newCase();
    const qint64 second = newCase();
    CaseView view(m_fixture->store(), m_clerk);
    QSignalSpy loaded(&view, &CaseView::caseLoaded);
    view.openCase(first);
    view.openCase(second);
    QVERIFY(loaded.wait(20000));
    // Let the first load's result arrive too, if it were not dropped.
    QTest::qWait(200);
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.at(0).at(0).toLongLong(), second);
    QCOMPARE(view.caseData().record.id, second);
}

void TestCaseView::loadsAtOnceOnATwoThreadPoolFinish()
{
    // Every case load runs on the global pool and decodes its images there too: on a two-core
    // machine two loads at once (two pages, or a load racing a stale one) must not hold both
    // threads while waiting for decoders that cannot start.
    QThreadPool *pool = QThreadPool::globalInstance();
    const int threads = pool->maxThreadCount();
    pool->setMaxThreadCount(2);
    const qint64 first = newCase();
    const qint64 second = newCase();
    const qint64 third = newCase();
    CaseView left(m_fixture->store(), m_clerk);
    CaseView right(m_fixture->store(), m_clerk);
    CaseView readOnly(m_fixture->store(), m_fixture->user(QStringLiteral("sup1")));
    readOnly.setReadOnly(true);
    QSignalSpy leftLoaded(&left, &CaseView::caseLoaded);
    QSignalSpy rightLoaded(&right, &CaseView::caseLoaded);
    QSignalSpy readOnlyLoaded(&readOnly, &CaseView::caseLoaded);
    left.openCase(first);
    right.openCase(second);
    readOnly.openCase(third);
    QTRY_COMPARE_WITH_TIMEOUT(leftLoaded.count() + rightLoaded.count() + readOnlyLoaded.count(), 3, 60000);
    pool->setMaxThreadCount(threads);
    QCOMPARE(left.caseData().record.id, first);
    QCOMPARE(right.caseData().record.id, second);
    QCOMPARE(readOnly.caseData().record.id, third);
    QVERIFY(!left.caseData().frames.empty() && !right.caseData().frames.empty());
}

void TestCaseView::purgedCaseSaysItsImagesWereDeleted()
{
    const qint64 id = m_fixture->caseIn(CaseState::Notified);
    QVERIFY(id > 0);
    const QDateTime start = m_fixture->clock().now();
    m_fixture->clock().set(start.addDays(91));
    auto purged = Retention(m_fixture->store()).run(m_fixture->user(QStringLiteral("admin")), false);
    m_fixture->clock().set(start);
    QVERIFY(purged);
    QVERIFY(status(id).retentionPurgedAt.isValid());
    CaseView view(m_fixture->store(), m_clerk);
    view.setReadOnly(true);
    view.show();
    QVERIFY(open(view, id));
    // Opened, not failed: the form and the decision are there, the images are said to be gone.
    QVERIFY(!child<QLabel>(view, "messageLabel")->isVisible());
    auto *notice = child<QLabel>(view, "holdLabel");
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(QStringLiteral("保存期間の経過により")) &&
                 notice->text().contains(start.addDays(91).date().toString(Qt::ISODate)),
             qPrintable(notice->text()));
    QVERIFY(view.caseData().frames.empty());
    QVERIFY(view.caseData().document.isNull());
    QCOMPARE(auditCount(QStringLiteral("image_viewed"), QStringLiteral("clerk1"), id), 0);
}

QTEST_MAIN(TestCaseView)
#include "TestCaseView.moc"
