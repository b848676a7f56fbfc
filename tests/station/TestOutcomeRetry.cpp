#include "core/store/CaseQueue.h"
#include "core/store/CaseStore.h"
#include "core/store/OutcomeOutbox.h"
#include "core/station/Importer.h"
#include "core/station/IssuanceService.h"
#include "core/station/OutcomeRetry.h"
#include "core/station/OutcomeRetryWorker.h"
#include "core/workflow/ApplicantReasons.h"
#include "core/workflow/BatchWorkflow.h"
#include "core/workflow/CaseWorkflow.h"
#include "tests/support/StoreFixture.h"

#include "tests/receiver/ApplicantTestKit.h"
#include "tests/station/ReceiverFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace mado;

namespace {
// How long a test waits for something that must happen (a push delivered, a worker's round):
// generous for a loaded machine; a passing run waits only as long as the event takes.
constexpr int kEventWaitMs = 60000;
} // namespace

// The outcome outbox: an "issued" notice that could not reach the receiver stays queued in the
// store, is retried with backoff, and reaches the real receiver exactly once when it is back
// (the applicant gets one LINE message for it, seen by the LINE simulator).
class TestOutcomeRetry : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void backoffDoubles_data();
    void backoffDoubles();
    void issuingQueuesTheNoticeUntilDelivered();
    void receiverDownQueuedThenDeliveredOnce();
    void workerRetriesInTheBackground();
    void decisionsNotifiedOnceAfterBatchApproval();
    void deliveredIssuedNoticeMarksTheCaseNotified();

private:
    // Imports, verifies and decides one application of 見本 太郎; returns the case.
    qint64 decidedCase(int n, const CaseWorkflow::Decision &decision, QString *applicationId);
    // The same, approved by the clerk and batch-approved by the supervisor.
    qint64 approvedCase(int n, QString *applicationId);
    // The texts of the LINE pushes the simulator accepted, in order.
    QStringList pushTexts();
    QString outboxText(const QString &sql);

    std::unique_ptr<test::ReceiverFixture> m_rx;
    std::unique_ptr<test::StoreFixture> m_store;
};

void TestOutcomeRetry::init()
{
    m_rx = std::make_unique<test::ReceiverFixture>();
    QVERIFY(m_rx->ok());
    m_store = std::make_unique<test::StoreFixture>();
    QVERIFY(m_store->ok());
}

void TestOutcomeRetry::cleanup()
{
    m_rx.reset();
    m_store.reset();
}

qint64 TestOutcomeRetry::decidedCase(int n, const CaseWorkflow::Decision &decision, QString *applicationId)
{
    const QString id = m_rx->submit(n, {{QStringLiteral("procedure"), QStringLiteral("tax_certificate")},
                                        {QStringLiteral("name"), QStringLiteral("見本 太郎")},
                                        {QStringLiteral("kana"), QStringLiteral("ミホン タロウ")},
                                        {QStringLiteral("dateOfBirth"), QStringLiteral("1980-04-01")}});
    if (id.isEmpty())
        return 0;
    *applicationId = id;
    Importer importer(m_store->store(), m_rx->client());
    auto round = importer.runOnce();
    if (!round.ok() || round.value().imported != 1)
        return 0;
    auto db = m_store->store().connections().database();
    QSqlQuery q(db.value());
    q.prepare(QStringLiteral("SELECT id FROM cases WHERE application_id = :a"));
    q.bindValue(QStringLiteral(":a"), id);
    if (!q.exec() || !q.next())
        return 0;
    const qint64 caseId = q.value(0).toLongLong();
    const qint64 clerk = m_store->user(QStringLiteral("clerk1"));
    CaseWorkflow cases(m_store->store());
    // The images are face-free test pictures: the verdict is the fixture's, not the engine's.
    if (!cases.markVerified(clerk, caseId, test::StoreFixture::matchVerdict(id)).ok() ||
        !cases.claim(clerk, caseId).ok() || !cases.decide(clerk, caseId, decision).ok())
        return 0;
    return caseId;
}

qint64 TestOutcomeRetry::approvedCase(int n, QString *applicationId)
{
    const qint64 caseId = decidedCase(n, {DecisionOutcome::Approved, QString(), QString()}, applicationId);
    if (caseId == 0)
        return 0;
    const qint64 clerk = m_store->user(QStringLiteral("clerk1"));
    BatchWorkflow batches(m_store->store());
    auto batch = batches.submit(clerk, {caseId});
    if (!batch.ok() || !batches
                            .approve(m_store->user(QStringLiteral("sup1")), batch.value(),
                                     QString::fromLatin1(test::StoreFixture::kPassword))
                            .ok())
        return 0;
    return caseId;
}

QStringList TestOutcomeRetry::pushTexts()
{
    QStringList texts;
    for (const auto &push : m_rx->line().pushes()) {
        const QJsonObject body = QJsonDocument::fromJson(push.body).object();
        texts << body.value(QStringLiteral("messages"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("text"))
                     .toString();
    }
    return texts;
}

QString TestOutcomeRetry::outboxText(const QString &sql)
{
    auto db = m_store->store().connections().database();
    QSqlQuery q(db.value());
    if (!q.exec(sql) || !q.next())
        return QStringLiteral("<none>");
    return q.value(0).isNull() ? QStringLiteral("<null>") : q.value(0).toString();
}

void TestOutcomeRetry::backoffDoubles_data()
{
    QTest::addColumn<int>("attempts");
    QTest::addColumn<int>("seconds");
    QTest::addRow("first failure") << 1 << 30;
    QTest::addRow("second") << 2 << 60;
    QTest::addRow("third") << 3 << 120;
    QTest::addRow("seventh") << 7 << 1920;
    QTest::addRow("capped at an hour") << 8 << 3600;
    QTest::addRow("many") << 1000 << 3600;
}

void TestOutcomeRetry::backoffDoubles()
{
    QFETCH(int, attempts);
    QFETCH(int, seconds);
    QCOMPARE(OutcomeOutbox::backoffSeconds(attempts), seconds);
}

void TestOutcomeRetry::issuingQueuesTheNoticeUntilDelivered()
{
    QString id;
    const qint64 caseId = approvedCase(1, &id);
    QVERIFY(caseId > 0);
    // Without a receiver (none configured) the issuance stands and its notice waits in the outbox.
    IssuanceService offline(m_store->store(), nullptr);
    auto issued = offline.issue(m_store->user(QStringLiteral("clerk1")), caseId);
    QVERIFY(issued.ok());
    QVERIFY(!issued.value().receiverNotified);
    QCOMPARE(m_store->store().caseStatus(caseId).value().state, CaseState::Issued); // not told yet
    OutcomeOutbox outbox(m_store->store());
    // The batch approval queued "approved", the issuance "issued".
    QCOMPARE(outbox.pendingCount().value(), 2);
    QVERIFY(outbox.isPending(caseId, QStringLiteral("approved")).value());
    QVERIFY(outbox.isPending(caseId, QStringLiteral("issued")).value());

    // Once due, the retry sends "approved" first (queued first) and then "issued".
    m_store->clock().advance(OutcomeOutbox::kFirstRetrySeconds);
    auto round = OutcomeRetry(m_store->store(), m_rx->client()).deliverDue();
    QVERIFY(round.ok());
    QCOMPARE(round.value().delivered, 2);
    QCOMPARE(round.value().pending, 0);
    QVERIFY(!outbox.isPending(caseId, QStringLiteral("issued")).value());
    QCOMPARE(m_rx->spoolText(QStringLiteral("SELECT state FROM applications WHERE id = '%1'").arg(id)),
             QStringLiteral("issued"));
    // Delivered by the retries: the case is notified, audited as the system.
    QCOMPARE(m_store->store().caseStatus(caseId).value().state, CaseState::Notified);
    QCOMPARE(outboxText(QStringLiteral("SELECT actor FROM audit WHERE action = 'case_notified' AND subject = 'case:%1'")
                            .arg(caseId)),
             QString::fromLatin1(OutcomeOutbox::kDeliveryActor));
}

void TestOutcomeRetry::receiverDownQueuedThenDeliveredOnce()
{
    QString id;
    const qint64 caseId = approvedCase(2, &id);
    QVERIFY(caseId > 0);
    // The decision's notice, queued by the batch approval: one LINE push.
    auto decided = OutcomeRetry(m_store->store(), m_rx->client()).deliverDue();
    QVERIFY(decided.ok());
    QCOMPARE(decided.value().delivered, 1);
    QTRY_COMPARE_WITH_TIMEOUT(int(m_rx->line().pushes().size()), 1, kEventWaitMs);

    const quint16 port = m_rx->workstationPort();
    m_rx->stopWorkstationServer();
    IssuanceService service(m_store->store(), &m_rx->client());
    auto issued = service.issue(m_store->user(QStringLiteral("clerk1")), caseId);
    QVERIFY(issued.ok());
    QVERIFY(!issued.value().receiverNotified);
    // Queued, with the failed attempt counted and the next one 30 s later.
    QCOMPARE(outboxText(QStringLiteral("SELECT attempts FROM outcome_outbox WHERE delivered_at IS NULL")),
             QStringLiteral("1"));
    QVERIFY(!outboxText(QStringLiteral("SELECT last_error FROM outcome_outbox WHERE outcome = 'issued'"))
                 .startsWith(QLatin1Char('<')));

    OutcomeRetry retry(m_store->store(), m_rx->client());
    // Not due yet: nothing is tried.
    auto early = retry.deliverDue();
    QVERIFY(early.ok());
    QCOMPARE(early.value().delivered + early.value().failed, 0);
    QCOMPARE(early.value().pending, 1);
    // Due, receiver still down: a second failure, backoff doubles.
    m_store->clock().advance(31);
    auto down = retry.deliverDue();
    QVERIFY(down.ok());
    QCOMPARE(down.value().failed, 1);
    QCOMPARE(down.value().pending, 1);
    QCOMPARE(outboxText(QStringLiteral("SELECT attempts FROM outcome_outbox WHERE outcome = 'issued'")),
             QStringLiteral("2"));
    m_store->clock().advance(31);
    QCOMPARE(retry.deliverDue().value().failed, 0); // 60 s backoff: not due after 31 s

    // The receiver is back: delivered once.
    QVERIFY(m_rx->startWorkstationServer(port));
    m_store->clock().advance(30);
    auto up = retry.deliverDue();
    QVERIFY(up.ok());
    QCOMPARE(up.value().delivered, 1);
    QCOMPARE(up.value().pending, 0);
    QCOMPARE(m_rx->spoolText(QStringLiteral("SELECT state FROM applications WHERE id = '%1'").arg(id)),
             QStringLiteral("issued"));
    QTRY_COMPARE_WITH_TIMEOUT(int(m_rx->line().pushes().size()), 2, kEventWaitMs);
    // Nothing left: later rounds send nothing, and the applicant got one message per outcome.
    m_store->clock().advance(3600);
    auto after = retry.deliverDue();
    QVERIFY(after.ok());
    QCOMPARE(after.value().delivered + after.value().failed, 0);
    QCOMPARE(m_rx->spoolText(QStringLiteral("SELECT count(*) FROM push_outbox")), QStringLiteral("2"));
    // No push is left to send (each one sent), so none can follow.
    QTRY_COMPARE_WITH_TIMEOUT(m_rx->spoolText(QStringLiteral("SELECT count(*) FROM push_outbox WHERE state <> 'sent'")),
                              QStringLiteral("0"), kEventWaitMs);
    QCOMPARE(int(m_rx->line().pushes().size()), 2);
    QVERIFY(outboxText(QStringLiteral("SELECT delivered_at FROM outcome_outbox")) != QLatin1String("<null>"));
}

void TestOutcomeRetry::workerRetriesInTheBackground()
{
    QString id;
    const qint64 caseId = approvedCase(3, &id);
    QVERIFY(caseId > 0);
    const quint16 port = m_rx->workstationPort();
    m_rx->stopWorkstationServer();
    QVERIFY(
        IssuanceService(m_store->store(), &m_rx->client()).issue(m_store->user(QStringLiteral("clerk1")), caseId).ok());

    OutcomeRetryWorker worker(m_store->store(), m_rx->client(), 100);
    QSignalSpy rounds(&worker, &OutcomeRetryWorker::roundFinished);
    worker.start();
    QTRY_VERIFY_WITH_TIMEOUT(!rounds.isEmpty(), kEventWaitMs);
    QCOMPARE(rounds.last().at(0).toInt(), 0); // nothing delivered: receiver down
    QCOMPARE(rounds.last().at(2).toInt(), 2); // "approved" (batch) and "issued"

    QVERIFY(m_rx->startWorkstationServer(port));
    m_store->clock().advance(OutcomeOutbox::kFirstRetrySeconds + 1);
    QTRY_VERIFY_WITH_TIMEOUT(!rounds.isEmpty() && rounds.last().at(0).toInt() >= 1 && rounds.last().at(2).toInt() == 0,
                             kEventWaitMs);
    worker.stop();
    QCOMPARE(m_rx->spoolText(QStringLiteral("SELECT state FROM applications WHERE id = '%1'").arg(id)),
             QStringLiteral("issued"));
}

void TestOutcomeRetry::decisionsNotifiedOnceAfterBatchApproval()
{
    const QString internal = QStringLiteral("internal note for the supervisor");
    QString approvedId, rejectedId, resubmitId, returnedId;
    const qint64 approved = decidedCase(11, {DecisionOutcome::Approved, QString(), QString()}, &approvedId);
    const qint64 rejected =
        decidedCase(12, {DecisionOutcome::Rejected, QStringLiteral("face_mismatch"), internal}, &rejectedId);
    const qint64 resubmit = decidedCase(
        13, {DecisionOutcome::ResubmissionRequested, QStringLiteral("document_unreadable"), internal}, &resubmitId);
    const qint64 returned = decidedCase(14, {DecisionOutcome::Approved, QString(), QString()}, &returnedId);
    QVERIFY(approved > 0 && rejected > 0 && resubmit > 0 && returned > 0);

    // The receiver is down when the supervisor approves the batch (one case returned first).
    const quint16 port = m_rx->workstationPort();
    m_rx->stopWorkstationServer();
    const qint64 clerk = m_store->user(QStringLiteral("clerk1"));
    const qint64 supervisor = m_store->user(QStringLiteral("sup1"));
    BatchWorkflow batches(m_store->store());
    auto batch = batches.submit(clerk, {approved, rejected, resubmit, returned});
    QVERIFY(batch.ok());
    QVERIFY(batches.returnCase(supervisor, batch.value(), returned, QStringLiteral("check the address")).ok());
    QVERIFY(batches.approve(supervisor, batch.value(), QString::fromLatin1(test::StoreFixture::kPassword)).ok());

    // One notice per approved case, in the approving transaction; the returned case has none;
    // the reason travels as its code, never the clerk's comment.
    OutcomeOutbox outbox(m_store->store());
    QCOMPARE(outbox.pendingCount().value(), 3);
    QVERIFY(outbox.isPending(approved, QStringLiteral("approved")).value());
    QVERIFY(outbox.isPending(rejected, QStringLiteral("rejected")).value());
    QVERIFY(outbox.isPending(resubmit, QStringLiteral("resubmission_requested")).value());
    QCOMPARE(outboxText(QStringLiteral("SELECT count(*) FROM outcome_outbox WHERE case_id = %1").arg(returned)),
             QStringLiteral("0"));
    QCOMPARE(outboxText(QStringLiteral("SELECT reason FROM outcome_outbox WHERE case_id = %1").arg(rejected)),
             QStringLiteral("face_mismatch"));

    OutcomeRetry retry(m_store->store(), m_rx->client());
    auto down = retry.deliverDue();
    QVERIFY(down.ok());
    QCOMPARE(down.value().failed, 3);
    QCOMPARE(down.value().pending, 3);

    QVERIFY(m_rx->startWorkstationServer(port));
    m_store->clock().advance(OutcomeOutbox::kFirstRetrySeconds + 1);
    auto up = retry.deliverDue();
    QVERIFY(up.ok());
    QCOMPARE(up.value().delivered, 3);
    QCOMPARE(up.value().pending, 0);
    QTRY_COMPARE_WITH_TIMEOUT(int(m_rx->line().pushes().size()), 3, kEventWaitMs);
    const auto state = [this](const QString &id) {
        return m_rx->spoolText(QStringLiteral("SELECT state FROM applications WHERE id = '%1'").arg(id));
    };
    QCOMPARE(state(approvedId), QStringLiteral("approved"));
    QCOMPARE(state(rejectedId), QStringLiteral("rejected"));
    QCOMPARE(state(resubmitId), QStringLiteral("resubmission_requested"));
    QCOMPARE(state(returnedId), QStringLiteral("acknowledged"));

    // The applicant's words: the outcome and the reason's text, never the internal comment.
    const QStringList texts = pushTexts();
    const auto containing = [&texts](const QString &part) {
        return int(std::count_if(texts.begin(), texts.end(), [&part](const QString &t) { return t.contains(part); }));
    };
    QCOMPARE(containing(QStringLiteral("承認されました")), 1);
    QCOMPARE(containing(QStringLiteral("お受けできませんでした")), 1);
    QCOMPARE(containing(ApplicantReasons::text(QStringLiteral("face_mismatch"))), 1);
    QCOMPARE(containing(QStringLiteral("再提出")), 1);
    QCOMPARE(containing(ApplicantReasons::text(QStringLiteral("document_unreadable"))), 1);
    QCOMPARE(containing(internal), 0);
    QCOMPARE(containing(QStringLiteral("face_mismatch")), 0);

    // Exactly once: later rounds send nothing.
    m_store->clock().advance(3600);
    auto after = retry.deliverDue();
    QVERIFY(after.ok());
    QCOMPARE(after.value().delivered + after.value().failed, 0);
    QCOMPARE(m_rx->spoolText(QStringLiteral("SELECT count(*) FROM push_outbox")), QStringLiteral("3"));
    QTRY_COMPARE_WITH_TIMEOUT(m_rx->spoolText(QStringLiteral("SELECT count(*) FROM push_outbox WHERE state <> 'sent'")),
                              QStringLiteral("0"), kEventWaitMs);
    QCOMPARE(int(m_rx->line().pushes().size()), 3);

    // The resubmission outcome opened the receiver's resubmission flow: the applicant's next photo
    // in the chat is kept for that application.
    QVERIFY(m_rx->sendChatImage(QStringLiteral("9101"), ApplicantTestKit::smallPng()));
    QTRY_COMPARE_WITH_TIMEOUT(
        m_rx->spoolText(QStringLiteral("SELECT application_id FROM resubmitted_images WHERE message_id = '9101'")),
        resubmitId, kEventWaitMs);
}

void TestOutcomeRetry::deliveredIssuedNoticeMarksTheCaseNotified()
{
    QString id;
    const qint64 caseId = approvedCase(4, &id);
    QVERIFY(caseId > 0);
    // The receiver is up: the clerk's issuance delivers the notice at once.
    auto issued =
        IssuanceService(m_store->store(), &m_rx->client()).issue(m_store->user(QStringLiteral("clerk1")), caseId);
    QVERIFY(issued.ok());
    QVERIFY(issued.value().receiverNotified);
    // "approved" (posted first: the batch's notice was not delivered yet) and "issued".
    QTRY_COMPARE_WITH_TIMEOUT(int(m_rx->line().pushes().size()), 2, kEventWaitMs);
    QCOMPARE(m_rx->spoolText(QStringLiteral("SELECT state FROM applications WHERE id = '%1'").arg(id)),
             QStringLiteral("issued"));
    QCOMPARE(m_store->store().caseStatus(caseId).value().state, CaseState::Notified);
    // In the delivering transaction: notice delivered, case notified, one audit entry as the clerk.
    QVERIFY(!OutcomeOutbox(m_store->store()).isPending(caseId, QStringLiteral("issued")).value());
    const auto audited = [this, caseId](const char *column) {
        return outboxText(QStringLiteral("SELECT %1 FROM audit WHERE action = 'case_notified' AND subject = 'case:%2'")
                              .arg(QLatin1String(column))
                              .arg(caseId));
    };
    QCOMPARE(audited("count(*)"), QStringLiteral("1"));
    QCOMPARE(audited("actor"), QStringLiteral("clerk1"));
    QVERIFY(audited("detail").contains(QStringLiteral("approved")));

    // Notifying again (the issuance page's button) changes nothing and audits nothing more.
    QVERIFY(IssuanceService(m_store->store(), &m_rx->client()).postIssued(caseId).ok());
    QCOMPARE(m_store->store().caseStatus(caseId).value().state, CaseState::Notified);
    QCOMPARE(audited("count(*)"), QStringLiteral("1"));

    // The issuance page still lists it as issued (recently, nothing pending); the queue does not.
    auto list = m_store->store().issuanceList(m_store->clock().now().addDays(-1));
    QVERIFY(list.ok());
    const auto entry = std::find_if(list.value().begin(), list.value().end(),
                                    [caseId](const IssuanceEntry &e) { return e.caseId == caseId; });
    QVERIFY(entry != list.value().end());
    QCOMPARE(entry->kind, IssuanceEntry::Kind::Issued);
    QCOMPARE(entry->state, CaseState::Notified);
    QVERIFY(!entry->notifyPending);
    QCOMPARE(entry->certificateNumber, issued.value().issued.certificateNumber);
    QueueFilter waiting;
    waiting.states = CaseQueue::waitingStates();
    auto queue = CaseQueue(m_store->store()).page(m_store->user(QStringLiteral("clerk1")), waiting);
    QVERIFY(queue.ok());
    QVERIFY(std::none_of(queue.value().entries.begin(), queue.value().entries.end(),
                         [caseId](const QueueEntry &e) { return e.caseId == caseId; }));
}

QTEST_GUILESS_MAIN(TestOutcomeRetry)
#include "TestOutcomeRetry.moc"
