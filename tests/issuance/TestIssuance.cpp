#include "core/issuance/CertificateData.h"
#include "core/issuance/CertificateIssuer.h"
#include "core/issuance/FiscalYear.h"
#include "core/issuance/ResidentRegisterImport.h"
#include "core/store/WardSettings.h"
#include "core/store/Sql.h"
#include "core/workflow/BatchWorkflow.h"
#include "core/workflow/CaseWorkflow.h"
#include "tests/support/StoreFixture.h"

#include <QSet>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace mado;

// Resident register import with row validation, and certificate numbering per fiscal year.
class TestIssuance : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void reportsBadRowsAndImportsTheRest_data();
    void reportsBadRowsAndImportsTheRest();
    void refusesAWrongHeader();
    void onlyAdminsImport();
    void fiscalYear_data();
    void fiscalYear();
    void numbersPerFiscalYearWithoutGaps();
    void mailsToTheRegisteredAddressOnly();
    void applicantMissingFromTheRegisterLeavesNoGap();
    void issuerIsKeptWithTheIssuance();
    void concurrentIssuanceIsGaplessAndUnique();
};

namespace {
const QByteArray kHeader = "resident_code,name,kana,date_of_birth,postal_code,prefecture,city,address_line\n";
const QByteArray kGood = "R-1001,区民 花子,クミン ハナコ,1990-05-06,150-0001,東京都,見本区,見本町7-8-9\n";
} // namespace

void TestIssuance::reportsBadRowsAndImportsTheRest_data()
{
    QTest::addColumn<QByteArray>("badRow");
    QTest::addColumn<QString>("field");
    QTest::addRow("missing field") << QByteArray("R-2001,区民 次郎,クミン ジロウ,1990-05-06,150-0001,東京都,見本区\n")
                                   << QString();
    QTest::addRow("bad code") << QByteArray("R 2001!,区民 次郎,クミン ジロウ,1990-05-06,150-0001,東京都,見本区,町1\n")
                              << QStringLiteral("resident_code");
    QTest::addRow("empty name") << QByteArray("R-2001,,クミン ジロウ,1990-05-06,150-0001,東京都,見本区,町1\n")
                                << QStringLiteral("name");
    QTest::addRow("kana in hiragana") << QByteArray(
                                             "R-2001,区民 次郎,くみん じろう,1990-05-06,150-0001,東京都,見本区,町1\n")
                                      << QStringLiteral("kana");
    QTest::addRow("impossible date") << QByteArray(
                                            "R-2001,区民 次郎,クミン ジロウ,1990-02-30,150-0001,東京都,見本区,町1\n")
                                     << QStringLiteral("date_of_birth");
    QTest::addRow("born in the future") << QByteArray(
                                               "R-2001,区民 次郎,クミン ジロウ,2099-01-01,150-0001,東京都,見本区,町1\n")
                                        << QStringLiteral("date_of_birth");
    QTest::addRow("postal code") << QByteArray("R-2001,区民 次郎,クミン ジロウ,1990-05-06,1500001,東京都,見本区,町1\n")
                                 << QStringLiteral("postal_code");
    QTest::addRow("prefecture") << QByteArray("R-2001,区民 次郎,クミン ジロウ,1990-05-06,150-0001,東京,見本区,町1\n")
                                << QStringLiteral("prefecture");
    QTest::addRow("empty address") << QByteArray("R-2001,区民 次郎,クミン ジロウ,1990-05-06,150-0001,東京都,見本区,\n")
                                   << QStringLiteral("address_line");
    QTest::addRow("repeated code") << QByteArray(
                                          "R-1001,区民 次郎,クミン ジロウ,1990-05-06,150-0001,東京都,見本区,町1\n")
                                   << QStringLiteral("resident_code");
    QTest::addRow("unterminated quote")
        << QByteArray("R-2001,\"区民 次郎,クミン ジロウ,1990-05-06,150-0001,東京都,見本区,町1\n") << QString();
}

void TestIssuance::reportsBadRowsAndImportsTheRest()
{
    QFETCH(QByteArray, badRow);
    QFETCH(QString, field);
    test::StoreFixture f;
    QVERIFY(f.ok());
    // Line 2 good, line 3 bad, line 4 good (quoted field with a comma), unless the bad row swallows it.
    const QByteArray last = "R-1002,\"区民, 三郎\",クミン サブロウ,1985-12-31,150-0002,大阪府,見本市,見本通1\n";
    const bool swallows = badRow.contains('"');
    auto report = ResidentRegisterImport::importCsv(f.store(), f.user(QStringLiteral("admin")),
                                                    kHeader + kGood + badRow + (swallows ? QByteArray() : last));
    QVERIFY(report.ok());
    QCOMPARE(int(report.value().problems.size()), 1);
    QCOMPARE(report.value().problems.front().line, 3);
    QCOMPARE(report.value().problems.front().field, field);
    QVERIFY(!report.value().problems.front().reason.isEmpty());
    QCOMPARE(report.value().imported, swallows ? 1 : 2);
    auto db = f.store().connections().database();
    // The fixture's own resident plus the good rows.
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM residents")).value().toInt(),
             1 + report.value().imported);
    if (!swallows)
        QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT name FROM residents WHERE resident_code = 'R-1002'"))
                     .value()
                     .toString(),
                 QStringLiteral("区民, 三郎"));
    // Reports carry no personal data: reasons never quote the row.
    QVERIFY(!report.value().problems.front().reason.contains(QStringLiteral("区民")));
}

void TestIssuance::refusesAWrongHeader()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    auto refused = ResidentRegisterImport::importCsv(f.store(), f.user(QStringLiteral("admin")), "code,name\n" + kGood);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
}

void TestIssuance::onlyAdminsImport()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    auto refused = ResidentRegisterImport::importCsv(f.store(), f.user(QStringLiteral("clerk1")), kHeader + kGood);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
}

void TestIssuance::fiscalYear_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<int>("year");
    QTest::addRow("1 April starts the year") << QDate(2026, 4, 1) << 2026;
    QTest::addRow("31 March ends the previous") << QDate(2026, 3, 31) << 2025;
    QTest::addRow("1 January") << QDate(2027, 1, 1) << 2026;
    QTest::addRow("31 December") << QDate(2026, 12, 31) << 2026;
}

void TestIssuance::fiscalYear()
{
    QFETCH(QDate, date);
    QFETCH(int, year);
    QCOMPARE(FiscalYear::of(date), year);
}

void TestIssuance::numbersPerFiscalYearWithoutGaps()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    // 2027-03-31 23:00 JST is 14:00 UTC: still fiscal year 2026.
    f.clock().set(QDateTime(QDate(2027, 3, 31), QTime(14, 0), Qt::UTC));
    QStringList numbers;
    for (int i = 0; i < 3; ++i) {
        const qint64 id = f.caseIn(CaseState::BatchApproved);
        auto issued = CertificateIssuer(f.store()).issue(f.user(QStringLiteral("clerk2")), id);
        QVERIFY(issued.ok());
        numbers << issued.value().certificateNumber;
    }
    // 15:00 UTC is 1 April 00:00 JST: a new fiscal year starting at 1.
    f.clock().set(QDateTime(QDate(2027, 3, 31), QTime(15, 0), Qt::UTC));
    for (int i = 0; i < 2; ++i) {
        const qint64 id = f.caseIn(CaseState::BatchApproved);
        auto issued = CertificateIssuer(f.store()).issue(f.user(QStringLiteral("clerk2")), id);
        QVERIFY(issued.ok());
        numbers << issued.value().certificateNumber;
    }
    QCOMPARE(numbers,
             (QStringList{QStringLiteral("2026-000001"), QStringLiteral("2026-000002"), QStringLiteral("2026-000003"),
                          QStringLiteral("2027-000001"), QStringLiteral("2027-000002")}));
}

void TestIssuance::mailsToTheRegisteredAddressOnly()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const qint64 id = f.caseIn(CaseState::BatchApproved);
    // The form says 見本町1-2-3 (BundleFactory); the register says 登録町4-5-6.
    auto issued = CertificateIssuer(f.store()).issue(f.user(QStringLiteral("clerk1")), id);
    QVERIFY(issued.ok());
    QCOMPARE(issued.value().mailTo.line, QStringLiteral("登録町4-5-6"));
    QCOMPARE(issued.value().mailTo.postalCode, QStringLiteral("100-0002"));
    QCOMPARE(issued.value().kana, QStringLiteral("ミホン タロー")); // the register's spelling, not the form's
    QCOMPARE(issued.value().dateOfBirth, QDate(1980, 4, 1));
    auto db = f.store().connections().database();
    QCOMPARE(
        Sql::scalar(db.value(), QStringLiteral("SELECT mail_address_line FROM issuances WHERE case_id = %1").arg(id))
            .value()
            .toString(),
        QStringLiteral("登録町4-5-6"));
    QCOMPARE(f.store().caseStatus(id).value().state, CaseState::Issued);
}

void TestIssuance::applicantMissingFromTheRegisterLeavesNoGap()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    CertificateIssuer issuer(f.store());
    const qint64 clerk = f.user(QStringLiteral("clerk1"));
    QCOMPARE(issuer.issue(clerk, f.caseIn(CaseState::BatchApproved)).value().serial, 1);
    auto db = f.store().connections().database();
    // An applicant who is not in the register: refused, nothing allocated.
    const qint64 stranger = f.caseIn(CaseState::BatchApproved);
    QVERIFY(Sql::run(db.value(),
                     QStringLiteral("UPDATE cases SET applicant_name = '登録 無し' WHERE id = %1").arg(stranger))
                .ok());
    QCOMPARE(issuer.issue(clerk, stranger).error().code, ErrorCode::NotFound);
    QCOMPARE(f.store().caseStatus(stranger).value().state, CaseState::BatchApproved);
    // A failure after the counter was incremented (the issuance row is refused by a trigger): the
    // transaction rolls the counter back too.
    const qint64 failing = f.caseIn(CaseState::BatchApproved);
    const QStringList trigger =
        f.isPostgresql()
            ? QStringList{QStringLiteral("CREATE FUNCTION refuse_issue() RETURNS trigger LANGUAGE plpgsql AS "
                                         "$$ BEGIN RAISE EXCEPTION 'refused by test'; END $$"),
                          QStringLiteral("CREATE TRIGGER refuse_issue BEFORE INSERT ON issuances FOR EACH ROW "
                                         "WHEN (NEW.case_id = %1) EXECUTE FUNCTION refuse_issue()")
                              .arg(failing)}
            : QStringList{QStringLiteral("CREATE TRIGGER refuse_issue BEFORE INSERT ON issuances WHEN NEW.case_id = %1 "
                                         "BEGIN SELECT RAISE(ABORT, 'refused by test'); END")
                              .arg(failing)};
    for (const QString &statement : trigger)
        QVERIFY(Sql::run(db.value(), statement).ok());
    auto refused = issuer.issue(clerk, failing);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Database);
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT last_serial FROM certificate_counters")).value().toInt(),
             1);
    QCOMPARE(f.store().caseStatus(failing).value().state, CaseState::BatchApproved);
    QCOMPARE(issuer.issue(clerk, f.caseIn(CaseState::BatchApproved)).value().serial, 2);
}

void TestIssuance::issuerIsKeptWithTheIssuance()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const qint64 admin = f.user(QStringLiteral("admin"));
    const qint64 clerk = f.user(QStringLiteral("clerk1"));
    const QString first = QStringLiteral("東京都見本区長　見本 一太郎");
    const QString second = QStringLiteral("東京都見本区長　見本 二郎");
    WardSettings ward(f.store());

    // Issued before any issuer was set: none kept (the template's specimen issuer), for good.
    const qint64 early = f.caseIn(CaseState::BatchApproved);
    QVERIFY(CertificateIssuer(f.store()).issue(clerk, early).ok());
    QVERIFY(ward.setIssuerName(admin, first).ok());
    const qint64 id = f.caseIn(CaseState::BatchApproved);
    QVERIFY(CertificateIssuer(f.store()).issue(clerk, id).ok());
    QCOMPARE(CertificateData::load(f.store(), id).value().issuerName, first);

    // The ward's issuer changes: the issued certificate (a re-export) keeps the one it was issued
    // under; a case not issued yet previews the new one.
    QVERIFY(ward.setIssuerName(admin, second).ok());
    QCOMPARE(CertificateData::load(f.store(), id).value().issuerName, first);
    QCOMPARE(CertificateData::load(f.store(), early).value().issuerName, QString());
    const qint64 next = f.caseIn(CaseState::BatchApproved);
    QCOMPARE(CertificateData::preview(f.store(), next).value().issuerName, second);
    QVERIFY(CertificateIssuer(f.store()).issue(clerk, next).ok());
    QCOMPARE(CertificateData::load(f.store(), next).value().issuerName, second);
    auto db = f.store().connections().database();
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT issuer_name FROM issuances WHERE case_id = %1").arg(id))
                 .value()
                 .toString(),
             first);
}

void TestIssuance::concurrentIssuanceIsGaplessAndUnique()
{
    // Four threads (four connections, as four workstations would have) issue at once, the first
    // issuance of the fiscal year among them: every case gets one number, 1..N without a gap.
    test::StoreFixture f;
    QVERIFY(f.ok());
    constexpr int kThreads = 4;
    constexpr int kPerThread = 3;
    std::vector<qint64> cases;
    for (int i = 0; i < kThreads * kPerThread; ++i) {
        const qint64 id = f.caseIn(CaseState::BatchApproved);
        QVERIFY(id > 0);
        cases.push_back(id);
    }
    const qint64 clerk = f.user(QStringLiteral("clerk1"));
    std::vector<std::vector<qint64>> serials(kThreads);
    std::vector<QString> failures(kThreads);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back(QThread::create([&, t] {
            CertificateIssuer issuer(f.store());
            for (int i = 0; i < kPerThread; ++i) {
                auto issued = issuer.issue(clerk, cases[std::size_t(t * kPerThread + i)]);
                if (!issued) {
                    failures[std::size_t(t)] = issued.error().message;
                    break;
                }
                serials[std::size_t(t)].push_back(issued.value().serial);
            }
            f.store().connections().closeForThisThread();
        }));
        threads.back()->start();
    }
    for (auto &thread : threads)
        QVERIFY(thread->wait(120000));
    QSet<qint64> seen;
    for (int t = 0; t < kThreads; ++t) {
        QVERIFY2(failures[std::size_t(t)].isEmpty(), qPrintable(failures[std::size_t(t)]));
        for (qint64 serial : serials[std::size_t(t)])
            seen.insert(serial);
    }
    QCOMPARE(seen.size(), kThreads * kPerThread); // unique
    for (qint64 n = 1; n <= kThreads * kPerThread; ++n)
        QVERIFY2(seen.contains(n), qPrintable(QStringLiteral("number %1 missing").arg(n))); // gapless
    auto db = f.store().connections().database();
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(DISTINCT certificate_number) FROM issuances"))
                 .value()
                 .toInt(),
             kThreads * kPerThread);
}

QTEST_GUILESS_MAIN(TestIssuance)
#include "TestIssuance.moc"
