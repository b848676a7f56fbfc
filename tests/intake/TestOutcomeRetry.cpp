#include "core/store/CaseStore.h"
#include "core/store/OutcomeOutbox.h"
#include "core/sync/Importer.h"
#include "core/sync/IssuanceService.h"
#include "core/sync/OutcomeRetry.h"
#include "core/sync/OutcomeRetryWorker.h"
#include "core/workflow/BatchWorkflow.h"
#include "core/workflow/CaseWorkflow.h"
#include "tests/support/StoreFixture.h"

#include "ReceiverFixture.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace mado;

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

private:
    // Imports, verifies, decides and batch-approves one application of 見本 太郎; returns the case.
    qint64 approvedCase(int n, QString *applicationId);
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

qint64 TestOutcomeRetry::approvedCase(int n, QString *applicationId)
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
    BatchWorkflow batches(m_store->store());
    // The images are face-free test pictures: the verdict is the fixture's, not the engine's.
    if (!cases.markVerified(clerk, caseId, test::StoreFixture::matchVerdict(id)).ok() ||
        !cases.claim(clerk, caseId).ok() ||
        !cases.decide(clerk, caseId, {DecisionOutcome::Approved, QString(), QString()}).ok())
        return 0;
    auto batch = batches.submit(clerk, {caseId});
    if (!batch.ok() || !batches
                            .approve(m_store->user(QStringLiteral("sup1")), batch.value(),
                                     QString::fromLatin1(test::StoreFixture::kPassword))
                            .ok())
        return 0;
    return caseId;
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
    OutcomeOutbox outbox(m_store->store());
    QCOMPARE(outbox.pendingCount().value(), 1);
    QVERIFY(outbox.isPending(caseId, QStringLiteral("issued")).value());

    // Once due, the retry sends "approved" first (the receiver has not had it) and then "issued".
    m_store->clock().advance(OutcomeOutbox::kFirstRetrySeconds);
    auto round = OutcomeRetry(m_store->store(), m_rx->client()).deliverDue();
    QVERIFY(round.ok());
    QCOMPARE(round.value().delivered, 1);
    QCOMPARE(round.value().pending, 0);
    QVERIFY(!outbox.isPending(caseId, QStringLiteral("issued")).value());
    QCOMPARE(m_rx->spoolText(QStringLiteral("SELECT state FROM applications WHERE id = '%1'").arg(id)),
             QStringLiteral("issued"));
}

void TestOutcomeRetry::receiverDownQueuedThenDeliveredOnce()
{
    QString id;
    const qint64 caseId = approvedCase(2, &id);
    QVERIFY(caseId > 0);
    // The decision's notice, as the workstation posts it after the batch approval: one LINE push.
    QVERIFY(m_rx->client().postOutcome(id, QStringLiteral("approved")).ok());
    QTRY_COMPARE_WITH_TIMEOUT(int(m_rx->line().pushes().size()), 1, 10000);

    const quint16 port = m_rx->workstationPort();
    m_rx->stopWorkstationServer();
    IssuanceService service(m_store->store(), &m_rx->client());
    auto issued = service.issue(m_store->user(QStringLiteral("clerk1")), caseId);
    QVERIFY(issued.ok());
    QVERIFY(!issued.value().receiverNotified);
    // Queued, with the failed attempt counted and the next one 30 s later.
    QCOMPARE(outboxText(QStringLiteral("SELECT attempts FROM outcome_outbox WHERE delivered_at IS NULL")),
             QStringLiteral("1"));
    QVERIFY(!outboxText(QStringLiteral("SELECT last_error FROM outcome_outbox")).startsWith(QLatin1Char('<')));

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
    QCOMPARE(outboxText(QStringLiteral("SELECT attempts FROM outcome_outbox")), QStringLiteral("2"));
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
    QTRY_COMPARE_WITH_TIMEOUT(int(m_rx->line().pushes().size()), 2, 10000);
    // Nothing left: later rounds send nothing, and the applicant got one message per outcome.
    m_store->clock().advance(3600);
    auto after = retry.deliverDue();
    QVERIFY(after.ok());
    QCOMPARE(after.value().delivered + after.value().failed, 0);
    QCOMPARE(m_rx->spoolText(QStringLiteral("SELECT count(*) FROM push_outbox")), QStringLiteral("2"));
    QTest::qWait(300);
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
    QVERIFY(rounds.wait(10000));
    QCOMPARE(rounds.last().at(0).toInt(), 0); // nothing delivered: not due yet, receiver down
    QCOMPARE(rounds.last().at(2).toInt(), 1);

    QVERIFY(m_rx->startWorkstationServer(port));
    m_store->clock().advance(OutcomeOutbox::kFirstRetrySeconds + 1);
    QTRY_VERIFY_WITH_TIMEOUT(!rounds.isEmpty() && rounds.last().at(0).toInt() == 1, 15000);
    QCOMPARE(rounds.last().at(2).toInt(), 0);
    worker.stop();
    QCOMPARE(m_rx->spoolText(QStringLiteral("SELECT state FROM applications WHERE id = '%1'").arg(id)),
             QStringLiteral("issued"));
}

QTEST_GUILESS_MAIN(TestOutcomeRetry)
#include "TestOutcomeRetry.moc"
