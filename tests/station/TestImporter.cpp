#include "core/store/CaseStore.h"
#include "core/store/ImportFailures.h"
#include "core/station/ImportWorker.h"
#include "core/station/Importer.h"
#include "core/station/ReceiverClient.h"
#include "tests/support/JpegSegments.h"
#include "tests/support/StoreFixture.h"

#include "tests/receiver/ApplicantTestKit.h"
#include "tests/station/ReceiverFixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;

// The importer against a real receiver on loopback: applications submitted through the real
// applicant API (LINE ID tokens from the simulator), leased, downloaded, sanitised, stored in a
// real case store and acknowledged; a crash between commit and ack; the receiver down and back.
class TestImporter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void importsEndToEnd();
    void crashBetweenCommitAndAckImportsOnce();
    void expiredLeaseAfterCrashIsAcknowledged();
    void workerRetriesWhileReceiverIsDown();
    void wrongTokenFailsWithoutRetrying();
    void outcomeReachesTheApplicant();
    void refusedApplicationIsGivenUpAfterMaxAttempts();
    void transientFailuresAreNotCounted();

private:
    QString submitApplication(int n, const QByteArray &documentJpeg = {}) { return m_rx->submit(n, {}, documentJpeg); }
    QString queryText(const QString &sql) const { return m_rx->spoolText(sql); }
    Importer::Options importerOptions() const;
    qint64 caseCount();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::ReceiverFixture> m_rx;
    std::unique_ptr<test::StoreFixture> m_store;
    const ReceiverClient *m_client = nullptr;
    QString m_tempRoot;
};

void TestImporter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_tempRoot = m_dir->filePath(QStringLiteral("import-tmp"));
    QVERIFY(QDir().mkpath(m_tempRoot));
    m_rx = std::make_unique<test::ReceiverFixture>();
    QVERIFY(m_rx->ok());
    m_client = &m_rx->client();
    m_store = std::make_unique<test::StoreFixture>();
    QVERIFY(m_store->ok());
}

void TestImporter::cleanup()
{
    m_client = nullptr;
    m_rx.reset();
    m_store.reset();
    m_dir.reset();
}

Importer::Options TestImporter::importerOptions() const
{
    Importer::Options options;
    options.leaseCount = 10;
    options.leaseSeconds = 60;
    options.tempRoot = m_tempRoot;
    return options;
}

qint64 TestImporter::caseCount()
{
    auto stats = m_store->store().statistics();
    return stats.ok() ? stats.value().value(QStringLiteral("table:cases"), -1) : -1;
}

void TestImporter::importsEndToEnd()
{
    const QByteArray withGps = test::JpegSegments::withExifGps(ApplicantTestKit::smallJpeg());
    QVERIFY(test::JpegSegments::markers(withGps).contains(0xE1));
    const QString first = submitApplication(1, withGps);
    const QString second = submitApplication(2);
    const QString third = submitApplication(3);
    QVERIFY(!first.isEmpty() && !second.isEmpty() && !third.isEmpty());
    QCOMPARE(caseCount(), 0);

    Importer importer(m_store->store(), *m_client, importerOptions());
    QList<int> progress;
    auto round = importer.runOnce([&](int done, int total, qint64 caseId, bool created) {
        QCOMPARE(total, 3);
        QVERIFY(caseId > 0);
        QVERIFY(created);
        progress << done;
    });
    QVERIFY2(round.ok(), qPrintable(round.ok() ? QString() : round.error().message));
    QCOMPARE(round.value().leased, 3);
    QCOMPARE(round.value().imported, 3);
    QCOMPARE(round.value().failed, 0);
    QCOMPARE(progress, (QList<int>{1, 2, 3}));
    QCOMPARE(caseCount(), 3);

    // Every stored image was re-encoded: the GPS EXIF of the first document is gone.
    auto db = m_store->store().connections().database();
    QVERIFY(db.ok());
    for (const QString &id : {first, second, third}) {
        QSqlQuery q(db.value());
        QVERIFY(q.prepare(QStringLiteral("SELECT id, state FROM cases WHERE application_id = :a")));
        q.bindValue(QStringLiteral(":a"), id);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(1).toString(), QStringLiteral("imported"));
        auto document = m_store->store().imageForVerification(q.value(0).toLongLong(), QStringLiteral("document_front"));
        QVERIFY(document.ok());
        QVERIFY(!document.value().isEmpty());
        QVERIFY(!test::JpegSegments::markers(document.value()).contains(0xE1));
        QVERIFY(document.value() != ApplicantTestKit::smallJpeg());
        auto frame = m_store->store().imageForVerification(q.value(0).toLongLong(), QStringLiteral("frame3"));
        QVERIFY(frame.ok());
        if (id == first) {
            // The receiver handed over the file with the GPS tag (its SHA-256 is the source's).
            QSqlQuery source(db.value());
            QVERIFY(source.prepare(
                QStringLiteral("SELECT source_sha256 FROM images WHERE case_id = :c AND role = 'document_front'")));
            source.bindValue(QStringLiteral(":c"), q.value(0).toLongLong());
            QVERIFY(source.exec() && source.next());
            QCOMPARE(source.value(0).toString(),
                     QString::fromLatin1(QCryptographicHash::hash(withGps, QCryptographicHash::Sha256).toHex()));
        }
    }

    // The receiver was acknowledged: personal data gone there, the bundle is 410.
    QCOMPARE(queryText(QStringLiteral("SELECT count(*) FROM applications WHERE manifest IS NOT NULL")),
             QStringLiteral("0"));
    QVERIFY(QDir(m_rx->spool().filesDirectory()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
    auto again = m_client->downloadBundle(first);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::Gone);
    // No unpacked bundle was left behind.
    QVERIFY(QDir(m_tempRoot).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
    // Nothing more to lease.
    auto empty = importer.runOnce();
    QVERIFY(empty.ok());
    QCOMPARE(empty.value().leased, 0);
}

void TestImporter::crashBetweenCommitAndAckImportsOnce()
{
    const QString id = submitApplication(1);
    QVERIFY(!id.isEmpty());
    auto leases = m_client->lease(5, 60);
    QVERIFY(leases.ok());
    QCOMPARE(int(leases.value().size()), 1);
    QCOMPARE(leases.value().front().applicationId, id);

    qint64 caseId = 0;
    {
        Importer crashed(m_store->store(), *m_client, importerOptions());
        auto fetched = crashed.fetch(id);
        QVERIFY2(fetched.ok(), qPrintable(fetched.ok() ? QString() : fetched.error().message));
        QStringList roles;
        for (const SanitizedImage &image : fetched.value().images)
            roles << image.role();
        QCOMPARE(roles, (QStringList{QStringLiteral("document_front"), QStringLiteral("frame0"),
                                     QStringLiteral("frame1"), QStringLiteral("frame2"), QStringLiteral("frame3")}));
        auto stored = crashed.store(fetched.value());
        QVERIFY(stored.ok());
        QVERIFY(stored.value().created);
        caseId = stored.value().caseId;
        // ...and the process dies here, before the ack.
    }
    QVERIFY(queryText(QStringLiteral("SELECT count(*) FROM applications WHERE manifest IS NOT NULL")) ==
            QStringLiteral("1"));

    Importer restarted(m_store->store(), *m_client, importerOptions());
    auto again = restarted.importOne(id);
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
    QVERIFY(!again.value().created);
    QCOMPARE(again.value().caseId, caseId);
    QCOMPARE(caseCount(), 1);
    QCOMPARE(queryText(QStringLiteral("SELECT count(*) FROM applications WHERE manifest IS NOT NULL")),
             QStringLiteral("0"));
    QVERIFY(QDir(m_tempRoot).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
}

void TestImporter::expiredLeaseAfterCrashIsAcknowledged()
{
    // The restarted workstation does not know which application it had stored: the lease expires,
    // the next round leases it again, finds it stored and acknowledges it.
    const QString id = submitApplication(1);
    Importer::Options options = importerOptions();
    options.leaseSeconds = 1;
    Importer crashed(m_store->store(), *m_client, options);
    auto leases = m_client->lease(5, 1);
    QVERIFY(leases.ok());
    QCOMPARE(int(leases.value().size()), 1);
    auto fetched = crashed.fetch(id);
    QVERIFY(fetched.ok());
    QVERIFY(crashed.store(fetched.value()).ok());

    Importer restarted(m_store->store(), *m_client, options);
    Importer::RoundResult last;
    bool leasedAgain = false;
    // Polls the receiver until the one-second lease has expired (QTRY evaluates once more at the end).
    QTRY_VERIFY_WITH_TIMEOUT(leasedAgain || (leasedAgain =
                                                 [&] {
                                                     auto round = restarted.runOnce();
                                                     if (round.ok())
                                                         last = round.value();
                                                     return round.ok() && round.value().leased == 1;
                                                 }()),
                             10000);
    QCOMPARE(last.duplicates, 1);
    QCOMPARE(last.imported, 0);
    QCOMPARE(caseCount(), 1);
    QCOMPARE(queryText(QStringLiteral("SELECT count(*) FROM applications WHERE manifest IS NOT NULL")),
             QStringLiteral("0"));
}

void TestImporter::workerRetriesWhileReceiverIsDown()
{
    const QString id = submitApplication(1);
    QVERIFY(!id.isEmpty());
    const quint16 port = m_rx->workstationPort();
    m_rx->stopWorkstationServer(); // the receiver's workstation listener is down

    ImportWorker::Options options;
    options.importer = importerOptions();
    options.baseRetryMs = 20;
    options.maxRetryMs = 160;
    options.once = true;
    ImportWorker worker(m_store->store(), *m_client, options);
    QSignalSpy unavailable(&worker, &ImportWorker::receiverUnavailable);
    QSignalSpy available(&worker, &ImportWorker::receiverAvailable);
    QSignalSpy rounds(&worker, &ImportWorker::roundFinished);
    QSignalSpy imported(&worker, &ImportWorker::caseImported);
    QSignalSpy finished(&worker, &ImportWorker::finished);
    worker.start();
    QTRY_VERIFY_WITH_TIMEOUT(unavailable.count() >= 3, 10000);
    QCOMPARE(rounds.count(), 0);
    QCOMPARE(caseCount(), 0);
    // Attempts are numbered and the delay grows (within its jitter) up to the cap.
    QCOMPARE(unavailable.at(0).at(0).toInt(), 1);
    QCOMPARE(unavailable.at(1).at(0).toInt(), 2);
    QVERIFY(unavailable.at(0).at(1).toInt() <= 20);
    QVERIFY(unavailable.at(2).at(1).toInt() > 20);

    QVERIFY(m_rx->startWorkstationServer(port));
    QVERIFY(finished.wait(10000));
    QCOMPARE(available.count(), 1);
    QCOMPARE(rounds.count(), 1);
    QCOMPARE(rounds.at(0).at(0).toInt(), 1); // leased
    QCOMPARE(rounds.at(0).at(1).toInt(), 1); // imported
    QCOMPARE(imported.count(), 1);
    worker.stop();
    QCOMPARE(caseCount(), 1);
    QCOMPARE(queryText(QStringLiteral("SELECT count(*) FROM applications WHERE manifest IS NOT NULL")),
             QStringLiteral("0"));
}

void TestImporter::wrongTokenFailsWithoutRetrying()
{
    ReceiverClient wrong(m_client->baseUrl(), QByteArrayLiteral("ws-token-not-known"), 5000);
    ImportWorker::Options options;
    options.importer = importerOptions();
    options.baseRetryMs = 20;
    ImportWorker worker(m_store->store(), wrong, options);
    QSignalSpy failed(&worker, &ImportWorker::failed);
    QSignalSpy unavailable(&worker, &ImportWorker::receiverUnavailable);
    worker.start();
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.at(0).at(0).value<Error>().code, ErrorCode::Unauthorized);
    QCOMPARE(unavailable.count(), 0);
    worker.stop();
}

void TestImporter::outcomeReachesTheApplicant()
{
    const QString id = submitApplication(1);
    Importer importer(m_store->store(), *m_client, importerOptions());
    auto round = importer.runOnce();
    QVERIFY(round.ok());
    QCOMPARE(round.value().imported, 1);
    const int before = int(m_rx->line().pushes().size());
    QVERIFY(m_client->postOutcome(id, QStringLiteral("approved")).ok());
    QVERIFY(m_client->postOutcome(id, QStringLiteral("issued")).ok());
    QTRY_COMPARE_WITH_TIMEOUT(int(m_rx->line().pushes().size()), before + 2, 10000);
    // Out of order is refused by the receiver and reported as a conflict.
    auto refused = m_client->postOutcome(id, QStringLiteral("rejected"), QStringLiteral("face_mismatch"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
}

void TestImporter::refusedApplicationIsGivenUpAfterMaxAttempts()
{
    // The ward's workstation admits smaller images than the receiver (a setting IT may choose):
    // the application passes the receiver and is refused at every import. It must not be leased
    // forever with its personal data left on the receiver and the resident never told.
    const QString id = submitApplication(1);
    QVERIFY(!id.isEmpty());
    Importer::Options options = importerOptions();
    options.leaseSeconds = 1;
    options.maxAttempts = 3;
    options.limits.maxPixels = 1000;
    Importer importer(m_store->store(), *m_client, options);
    ImportFailures failures(m_store->store());
    const int pushesBefore = int(m_rx->line().pushes().size());

    int attempts = 0;
    int failedRounds = 0;
    int abandoned = 0;
    // Each round leases it again once the 1 s lease has expired.
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 auto round = importer.runOnce();
                                 if (!round.ok())
                                     return false;
                                 if (round.value().leased > 0) {
                                     ++attempts;
                                     failedRounds += round.value().failed;
                                     abandoned += round.value().abandoned;
                                 }
                                 return abandoned > 0;
                             }()),
                             15000);
    QCOMPARE(attempts, 3);
    QCOMPARE(failedRounds, 3);
    QCOMPARE(caseCount(), 0);

    // IT sees it, with the reason and the count.
    auto listed = failures.list(true);
    QVERIFY(listed.ok());
    QCOMPARE(int(listed.value().size()), 1);
    QCOMPARE(listed.value().front().applicationId, id);
    QCOMPARE(listed.value().front().attempts, 3);
    QCOMPARE(listed.value().front().errorCode, QStringLiteral("image_too_large"));
    QVERIFY(listed.value().front().abandonedAt.isValid());

    // The receiver was told: the personal data is gone, the state says why, nothing to lease.
    QCOMPARE(queryText(QStringLiteral("SELECT state FROM applications WHERE id = '%1'").arg(id)),
             QStringLiteral("import_failed"));
    QCOMPARE(queryText(QStringLiteral("SELECT count(*) FROM applications WHERE manifest IS NOT NULL")),
             QStringLiteral("0"));
    auto gone = m_client->downloadBundle(id);
    QVERIFY(!gone.ok());
    auto next = importer.runOnce();
    QVERIFY(next.ok());
    QCOMPARE(next.value().leased, 0);
    // And the resident is asked to apply again through LINE.
    QTRY_COMPARE_WITH_TIMEOUT(int(m_rx->line().pushes().size()), pushesBefore + 1, 10000);
    QVERIFY(QString::fromUtf8(m_rx->line().pushes().back().body).contains(QStringLiteral("もう一度お申し込みください")));
}

void TestImporter::transientFailuresAreNotCounted()
{
    // A failure that says nothing about the application (here: the store cannot take it, as on a
    // full disk, simulated by an unwritable temporary directory) is never counted against it.
    const QString id = submitApplication(1);
    QVERIFY(!id.isEmpty());
    Importer::Options options = importerOptions();
    options.tempRoot = m_dir->filePath(QStringLiteral("does-not-exist/and-cannot-be-made"));
    options.maxAttempts = 1;
    Importer importer(m_store->store(), *m_client, options);
    auto round = importer.runOnce();
    QVERIFY(round.ok());
    QCOMPARE(round.value().failed, 1);
    QCOMPARE(round.value().abandoned, 0);
    auto listed = ImportFailures(m_store->store()).list();
    QVERIFY(listed.ok());
    QVERIFY(listed.value().empty());
    QCOMPARE(queryText(QStringLiteral("SELECT state FROM applications WHERE id = '%1'").arg(id)),
             QStringLiteral("received"));
}

QTEST_GUILESS_MAIN(TestImporter)
#include "TestImporter.moc"
