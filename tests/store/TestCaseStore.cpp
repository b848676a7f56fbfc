#include "core/store/AuditChain.h"
#include "core/store/CaseStore.h"
#include "core/store/ImageSanitizer.h"
#include "core/store/Sql.h"
#include "tests/support/ImageFiles.h"
#include "tests/support/JpegSegments.h"
#include "tests/support/StoreFixture.h"

#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <thread>
#include <tuple>

using namespace mado;

// Importing cases: one transaction, idempotent by application id, sanitised images only, the
// policy hold, and audited views of personal data.
class TestCaseStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void importingTwiceGivesOneCase();
    void concurrentImportsOfOneApplicationGiveOneCase();
    void threadsThatEndWithoutClosingLeaveNoConnection();
    void storesTheSanitisedImageAndTheVerdictSummary();
    void holdsAnEkycJuminhyoApplication();
    void viewingPersonalDataIsAudited();
    void adminsDoNotSeePersonalData();
    void importNeedsImages();
    void imageViewsAreAudited();
    void latestVerdictIsTheNewestRow();
    void registerEntriesMatchNameAndDateOfBirth();

private:
    static std::vector<SanitizedImage> images();
};

std::vector<SanitizedImage> TestCaseStore::images()
{
    const ImageSanitizer sanitizer;
    return {sanitizer
                .sanitize(test::JpegSegments::withExifGps(test::faceFreeJpeg(64, 48)), QStringLiteral("document_front"))
                .value(),
            sanitizer.sanitize(test::faceFreeJpeg(48, 64), QStringLiteral("frame0")).value()};
}

void TestCaseStore::importingTwiceGivesOneCase()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const CaseBundle bundle = f.bundle();
    auto first = test::StoreFixture::importWithPolicy(f.store(), bundle, images(), std::nullopt);
    QVERIFY(first.ok());
    QVERIFY(first.value().created);
    QCOMPARE(first.value().state, CaseState::Imported);
    // A crash between commit and the receiver's ack re-delivers the same application.
    auto second = test::StoreFixture::importWithPolicy(f.store(), bundle, images(),
                                                       test::StoreFixture::matchVerdict(bundle.applicationId));
    QVERIFY(second.ok());
    QVERIFY(!second.value().created);
    QCOMPARE(second.value().caseId, first.value().caseId);
    auto db = f.store().connections().database();
    const QVariantMap app{{QStringLiteral("a"), bundle.applicationId}};
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM cases WHERE application_id = :a"), app)
                 .value()
                 .toInt(),
             1);
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM images")).value().toInt(), 2);
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM verdicts")).value().toInt(), 0);
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'case_imported'"))
                 .value()
                 .toInt(),
             1);
}

void TestCaseStore::concurrentImportsOfOneApplicationGiveOneCase()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const CaseBundle bundle = f.bundle();
    const auto pictures = images();
    QSemaphore ready, go;
    Result<CaseStore::ImportResult> results[2] = {Error{}, Error{}};
    std::unique_ptr<QThread> threads[2];
    for (int i = 0; i < 2; ++i) {
        threads[i].reset(QThread::create([&, i] {
            ready.release();
            go.acquire();
            results[i] = test::StoreFixture::importWithPolicy(f.store(), bundle, pictures, std::nullopt);
            f.store().connections().closeForThisThread();
        }));
        threads[i]->start();
    }
    ready.acquire(2);
    go.release(2);
    for (auto &thread : threads)
        QVERIFY(thread->wait(30000));
    QVERIFY2(results[0].ok(), qPrintable(results[0] ? QString() : results[0].error().message));
    QVERIFY2(results[1].ok(), qPrintable(results[1] ? QString() : results[1].error().message));
    QCOMPARE(results[0].value().caseId, results[1].value().caseId);
    QVERIFY(results[0].value().created != results[1].value().created); // exactly one created it
}

// Thread-pool threads end without closing their connection, and a new thread may get the id of
// one that ended: each must still get a working connection of its own, and the ended threads'
// connections must be closed (a workstation runs background jobs all day). Half the rounds run on
// threads Qt did not start (std::thread), whose end Qt learns differently (on Windows, from a
// watcher thread).
void TestCaseStore::threadsThatEndWithoutClosingLeaveNoConnection()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    // Only this test's store is open here, so every connection name is one of its connections.
    const auto storeConnections = [] { return QSqlDatabase::connectionNames().size(); };
    QVERIFY(f.store().connections().database().ok()); // this thread's own connection
    const auto before = storeConnections();
    for (int round = 0; round < 40; ++round) {
        QString failure;
        const auto work = [&] {
            auto db = f.store().connections().database();
            if (!db) {
                failure = db.error().message;
                return;
            }
            auto count = Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM cases"));
            if (!count)
                failure = count.error().message;
        };
        if (round % 2 == 0) {
            std::unique_ptr<QThread> thread(QThread::create(work));
            thread->start();
            QVERIFY(thread->wait(30000));
        } else {
            std::thread(work).join();
        }
        QVERIFY2(failure.isEmpty(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(failure)));
    }
    // A thread's exit hook may run just after wait() or join() returns: give it a moment.
    QTRY_COMPARE_WITH_TIMEOUT(storeConnections(), before, 10000);
}

void TestCaseStore::latestVerdictIsTheNewestRow()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const CaseBundle bundle = f.bundle();
    auto imported = test::StoreFixture::importWithPolicy(f.store(), bundle, images(), std::nullopt);
    QVERIFY(imported.ok());
    const qint64 caseId = imported.value().caseId;
    auto none = f.store().latestVerdict(caseId);
    QVERIFY(none.ok());
    QVERIFY(!none.value().has_value());

    auto db = f.store().connections().database();
    Verdict first = test::StoreFixture::matchVerdict(bundle.applicationId);
    Verdict second = first;
    second.band = QStringLiteral("review");
    QVERIFY(CaseStore::insertVerdict(db.value(), caseId, first, f.store().clock().now()).ok());
    QVERIFY(CaseStore::insertVerdict(db.value(), caseId, second, f.store().clock().now()).ok());
    auto latest = f.store().latestVerdict(caseId);
    QVERIFY(latest.ok());
    QVERIFY(latest.value().has_value());
    QCOMPARE(latest.value()->band, QStringLiteral("review"));
    auto otherCase = f.store().latestVerdict(caseId + 1000);
    QVERIFY(otherCase.ok());
    QVERIFY(!otherCase.value().has_value());
}

void TestCaseStore::registerEntriesMatchNameAndDateOfBirth()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    auto db = f.store().connections().database();
    const QString insert = QStringLiteral(
        "INSERT INTO residents (resident_code, name, kana, date_of_birth, postal_code, prefecture, city, address_line, "
        "imported_at) VALUES (:code, :name, 'ミホン タロウ', :dob, '100-0001', '東京都', '見本区', :line, '2026-01-01')");
    const QString name = QStringLiteral("見本 太郎");
    for (const auto &[code, dob, line] : {std::tuple{"R-2", "1980-02-03", "見本町2"}, std::tuple{"R-1", "1980-02-03", "見本町1"},
                                          std::tuple{"R-3", "1981-02-03", "見本町3"}}) {
        QVERIFY(Sql::run(db.value(), insert,
                         {{QStringLiteral("code"), QString::fromUtf8(code)},
                          {QStringLiteral("name"), name},
                          {QStringLiteral("dob"), QString::fromUtf8(dob)},
                          {QStringLiteral("line"), QString::fromUtf8(line)}})
                    .ok());
    }
    auto two = f.store().registerEntries(name, QDate(1980, 2, 3));
    QVERIFY(two.ok());
    QCOMPARE(two.value().size(), std::size_t(2)); // two residents to tell apart by hand, by code
    QCOMPARE(two.value()[0].residentCode, QStringLiteral("R-1"));
    QCOMPARE(two.value()[0].kana, QStringLiteral("ミホン タロウ"));
    QCOMPARE(two.value()[0].dateOfBirth, QDate(1980, 2, 3));
    QCOMPARE(two.value()[0].address.line, QStringLiteral("見本町1"));
    QCOMPARE(two.value()[1].residentCode, QStringLiteral("R-2"));
    auto none = f.store().registerEntries(QStringLiteral("見本 花子"), QDate(1980, 2, 3));
    QVERIFY(none.ok());
    QVERIFY(none.value().empty());
}

void TestCaseStore::storesTheSanitisedImageAndTheVerdictSummary()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const CaseBundle bundle = f.bundle();
    const auto pictures = images();
    auto imported = test::StoreFixture::importWithPolicy(f.store(), bundle, pictures,
                                                         test::StoreFixture::matchVerdict(bundle.applicationId));
    QVERIFY(imported.ok());
    QCOMPARE(imported.value().state, CaseState::Verified);
    auto stored = f.store().viewImage(f.user(QStringLiteral("clerk1")), imported.value().caseId,
                                      QStringLiteral("document_front"));
    QVERIFY(stored.ok());
    QCOMPARE(stored.value(), pictures[0].jpeg());
    QVERIFY(!test::JpegSegments::markers(stored.value()).contains(0xE1));
    auto db = f.store().connections().database();
    auto row = Sql::run(db.value(), QStringLiteral("SELECT band, overall, flags FROM verdicts"));
    QVERIFY(row.value().next());
    QCOMPARE(row.value().value(0).toString(), QStringLiteral("match"));
    QCOMPARE(row.value().value(1).toString(), QStringLiteral("warn"));
    QCOMPARE(row.value().value(2).toString(), QStringLiteral("flat_photo:flat_photo_suspected"));
    // An accepted procedure leaves hold_reason SQL NULL (not empty text).
    QCOMPARE(
        Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM cases WHERE hold_reason IS NULL")).value().toInt(),
        1);
}

void TestCaseStore::holdsAnEkycJuminhyoApplication()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const CaseBundle bundle = f.bundle(QStringLiteral("juminhyo_copy"));
    auto imported = test::StoreFixture::importWithPolicy(f.store(), bundle, images(),
                                                         test::StoreFixture::matchVerdict(bundle.applicationId));
    QVERIFY(imported.ok());
    QCOMPARE(imported.value().state, CaseState::Held);
    auto record = f.store().caseStatus(imported.value().caseId);
    QVERIFY(record.ok());
    QVERIFY(record.value().holdReason.contains(QStringLiteral("JPKI")));
    QVERIFY(record.value().holdReason.contains(QStringLiteral("総務省令第96号")));
    QVERIFY(!record.value().applicant.has_value()); // status carries no personal data
}

void TestCaseStore::viewingPersonalDataIsAudited()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const qint64 id = f.caseIn(CaseState::Verified);
    QVERIFY(id > 0);
    auto db = f.store().connections().database();
    const QString count =
        QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'case_viewed' AND subject = 'case:%1' "
                       "AND actor = 'clerk2'")
            .arg(id);
    QCOMPARE(Sql::scalar(db.value(), count).value().toInt(), 0);
    auto viewed = f.store().viewCase(f.user(QStringLiteral("clerk2")), id);
    QVERIFY(viewed.ok());
    QVERIFY(viewed.value().applicant.has_value());
    QCOMPARE(viewed.value().applicant->name, QStringLiteral("見本 太郎"));
    QCOMPARE(Sql::scalar(db.value(), count).value().toInt(), 1);
    // The audit holds no personal data.
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM audit WHERE detail LIKE '%見本%' "
                                                    "OR subject LIKE '%見本%'"))
                 .value()
                 .toInt(),
             0);
    QVERIFY(AuditChain::verify(db.value()).value().ok);
}

void TestCaseStore::adminsDoNotSeePersonalData()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const qint64 id = f.caseIn(CaseState::Verified);
    auto viewed = f.store().viewCase(f.user(QStringLiteral("admin")), id);
    QVERIFY(!viewed.ok());
    QCOMPARE(viewed.error().code, ErrorCode::PermissionDenied);
}

void TestCaseStore::importNeedsImages()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    auto refused = test::StoreFixture::importWithPolicy(f.store(), f.bundle(), {}, std::nullopt);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
}

void TestCaseStore::imageViewsAreAudited()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const qint64 id = f.caseIn(CaseState::Verified);
    auto db = f.store().connections().database();
    const QString count = QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'image_viewed'");
    QCOMPARE(Sql::scalar(db.value(), count).value().toInt(), 0);
    auto image = f.store().viewImage(f.user(QStringLiteral("sup1")), id, QStringLiteral("document_front"));
    QVERIFY(image.ok());
    QVERIFY(image.value().startsWith(QByteArray("\xFF\xD8", 2)));
    QCOMPARE(Sql::scalar(db.value(), count).value().toInt(), 1);
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT detail FROM audit ORDER BY seq DESC LIMIT 1"))
                 .value()
                 .toString(),
             QStringLiteral("{\"role\":\"document_front\"}"));
    // Refused reads leave no entry.
    QCOMPARE(f.store().viewImage(f.user(QStringLiteral("admin")), id, QStringLiteral("document_front")).error().code,
             ErrorCode::PermissionDenied);
    QCOMPARE(f.store().viewImage(f.user(QStringLiteral("sup1")), id, QStringLiteral("frame3")).error().code,
             ErrorCode::NotFound);
    QCOMPARE(Sql::scalar(db.value(), count).value().toInt(), 1);
}

QTEST_GUILESS_MAIN(TestCaseStore)
#include "TestCaseStore.moc"
