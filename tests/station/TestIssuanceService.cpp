#include "core/store/CaseStore.h"
#include "core/station/Importer.h"
#include "core/station/IssuanceService.h"
#include "core/workflow/BatchWorkflow.h"
#include "core/workflow/CaseWorkflow.h"
#include "tests/support/StoreFixture.h"

#include "tests/station/ReceiverFixture.h"

#include <QSqlQuery>
#include <QTest>

using namespace mado;

// Issuing from the workstation: an application submitted to the real receiver is imported, goes
// through the real workflow (verify, clerk decision, supervisor batch approval), is issued, and
// the receiver queues the LINE notices that the simulator receives. A case held by the procedure
// policy cannot be issued and the explanation is returned.
class TestIssuanceService : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void issuingPostsTheOutcome();
    void issuanceStandsWhenTheReceiverIsDown();
    void heldCaseCannotBeIssued();

private:
    // Submits and imports one application for the register's resident 見本 太郎; returns the case.
    qint64 importCase(int n, const QString &procedure, QString *applicationId = nullptr);
    bool approve(qint64 caseId, const QString &applicationId);

    std::unique_ptr<test::ReceiverFixture> m_rx;
    std::unique_ptr<test::StoreFixture> m_store;
};

void TestIssuanceService::init()
{
    m_rx = std::make_unique<test::ReceiverFixture>();
    QVERIFY(m_rx->ok());
    m_store = std::make_unique<test::StoreFixture>();
    QVERIFY(m_store->ok());
}

void TestIssuanceService::cleanup()
{
    m_rx.reset();
    m_store.reset();
}

qint64 TestIssuanceService::importCase(int n, const QString &procedure, QString *applicationId)
{
    const QString id = m_rx->submit(n, {{QStringLiteral("procedure"), procedure},
                                        {QStringLiteral("name"), QStringLiteral("見本 太郎")},
                                        {QStringLiteral("kana"), QStringLiteral("ミホン タロウ")},
                                        {QStringLiteral("dateOfBirth"), QStringLiteral("1980-04-01")}});
    if (id.isEmpty())
        return 0;
    if (applicationId)
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
    // The images are face-free test pictures: the verdict is the fixture's, not the engine's.
    CaseWorkflow cases(m_store->store());
    if (!cases.markVerified(m_store->user(QStringLiteral("clerk1")), caseId, test::StoreFixture::matchVerdict(id)).ok())
        return 0;
    return caseId;
}

bool TestIssuanceService::approve(qint64 caseId, const QString &applicationId)
{
    const qint64 clerk = m_store->user(QStringLiteral("clerk1"));
    CaseWorkflow cases(m_store->store());
    BatchWorkflow batches(m_store->store());
    if (!cases.claim(clerk, caseId).ok())
        return false;
    if (!cases.decide(clerk, caseId, {DecisionOutcome::Approved, QString(), QString()}).ok())
        return false;
    auto batch = batches.submit(clerk, {caseId});
    if (!batch.ok())
        return false;
    if (!batches
             .approve(m_store->user(QStringLiteral("sup1")), batch.value(),
                      QString::fromLatin1(test::StoreFixture::kPassword))
             .ok())
        return false;
    // The decision's notice: as the workstation would post it after the batch approval.
    return m_rx->client().postOutcome(applicationId, QStringLiteral("approved")).ok();
}

void TestIssuanceService::issuingPostsTheOutcome()
{
    QString id;
    const qint64 caseId = importCase(1, QStringLiteral("tax_certificate"), &id);
    QVERIFY(caseId > 0);
    QVERIFY(approve(caseId, id));
    QTRY_COMPARE_WITH_TIMEOUT(int(m_rx->line().pushes().size()), 1, 10000);

    IssuanceService service(m_store->store(), &m_rx->client());
    QVERIFY(service.issuable(caseId).ok());
    auto issued = service.issue(m_store->user(QStringLiteral("clerk1")), caseId);
    QVERIFY2(issued.ok(), qPrintable(issued.ok() ? QString() : issued.error().message));
    QVERIFY2(issued.value().receiverNotified, qPrintable(issued.value().notifyError));
    QVERIFY(!issued.value().issued.certificateNumber.isEmpty());
    QCOMPARE(issued.value().issued.mailTo.line, QStringLiteral("登録町4-5-6"));
    // The notice reached the receiver: the case is notified.
    QCOMPARE(m_store->store().caseStatus(caseId).value().state, CaseState::Notified);

    // The receiver recorded it and the applicant's notice reached the LINE simulator.
    QCOMPARE(m_rx->spoolText(QStringLiteral("SELECT state FROM applications WHERE id = '%1'").arg(id)),
             QStringLiteral("issued"));
    QTRY_COMPARE_WITH_TIMEOUT(int(m_rx->line().pushes().size()), 2, 10000);
    // Issuing twice is refused; posting again queues nothing.
    QVERIFY(!service.issue(m_store->user(QStringLiteral("clerk1")), caseId).ok());
    QVERIFY(service.postIssued(caseId).ok());
    QCOMPARE(m_rx->spoolText(QStringLiteral("SELECT count(*) FROM push_outbox")), QStringLiteral("2"));
}

void TestIssuanceService::issuanceStandsWhenTheReceiverIsDown()
{
    QString id;
    const qint64 caseId = importCase(2, QStringLiteral("tax_certificate"), &id);
    QVERIFY(caseId > 0);
    QVERIFY(approve(caseId, id));
    const quint16 port = m_rx->workstationPort();
    m_rx->stopWorkstationServer();

    IssuanceService service(m_store->store(), &m_rx->client());
    auto issued = service.issue(m_store->user(QStringLiteral("clerk1")), caseId);
    QVERIFY(issued.ok());
    QVERIFY(!issued.value().receiverNotified);
    QVERIFY(!issued.value().notifyError.isEmpty());
    QCOMPARE(m_store->store().caseStatus(caseId).value().state, CaseState::Issued);
    QCOMPARE(m_rx->spoolText(QStringLiteral("SELECT state FROM applications WHERE id = '%1'").arg(id)),
             QStringLiteral("approved"));

    QVERIFY(m_rx->startWorkstationServer(port));
    QVERIFY(service.postIssued(caseId).ok());
    QCOMPARE(m_rx->spoolText(QStringLiteral("SELECT state FROM applications WHERE id = '%1'").arg(id)),
             QStringLiteral("issued"));
    QCOMPARE(m_store->store().caseStatus(caseId).value().state, CaseState::Notified);
}

void TestIssuanceService::heldCaseCannotBeIssued()
{
    // 住民票の写し does not accept eKYC-face under the shipped policy: the case is held.
    const qint64 caseId = importCase(3, QStringLiteral("juminhyo_copy"));
    QVERIFY(caseId > 0);
    QCOMPARE(m_store->store().caseStatus(caseId).value().state, CaseState::Held);
    IssuanceService service(m_store->store(), &m_rx->client());
    const Status allowed = service.issuable(caseId);
    QVERIFY(!allowed.ok());
    QCOMPARE(allowed.error().code, ErrorCode::PolicyRefused);
    QVERIFY(allowed.error().message.contains(QStringLiteral("JPKI")));
    auto refused = service.issue(m_store->user(QStringLiteral("clerk1")), caseId);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::PolicyRefused);
    QCOMPARE(m_rx->spoolText(QStringLiteral("SELECT count(*) FROM push_outbox")), QStringLiteral("0"));
}

QTEST_GUILESS_MAIN(TestIssuanceService)
#include "TestIssuanceService.moc"
