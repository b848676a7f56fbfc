#include "core/store/AuditChain.h"
#include "core/store/Sql.h"
#include "core/workflow/ProcedurePolicy.h"
#include "tests/support/StoreFixture.h"

#include <QTest>

using namespace mado;

// The shipped procedure policy (JPKI required for an online 住民票 since 2021-09-29) and versioned,
// audited, admin-only changes.
class TestProcedurePolicy : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shippedDefaults_data();
    void shippedDefaults();
    void catalogueHasTheLegalBasis();
    void changesAreVersionedAndAudited();
    void onlyAdminsChangeIt();
    void unknownMethodRefused();
};

void TestProcedurePolicy::shippedDefaults_data()
{
    QTest::addColumn<QString>("procedure");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<bool>("accepted");
    const QDate today(2026, 11, 27);
    QTest::addRow("住民票 by eKYC-face: held") << "juminhyo_copy"
                                               << "ekyc_face" << today << false;
    QTest::addRow("住民票 by JPKI") << "juminhyo_copy"
                                    << "jpki_signature" << today << true;
    QTest::addRow("住民票 on the day the rule took effect") << "juminhyo_copy"
                                                            << "ekyc_face" << QDate(2021, 9, 29) << false;
    QTest::addRow("課税証明書 by eKYC-face") << "tax_certificate"
                                             << "ekyc_face" << today << true;
    QTest::addRow("非課税証明書 by eKYC-face") << "tax_exemption_certificate"
                                               << "ekyc_face" << today << true;
    QTest::addRow("納税証明書 by eKYC-face") << "tax_payment_certificate"
                                             << "ekyc_face" << today << true;
    QTest::addRow("課税証明書 by JPKI") << "tax_certificate"
                                        << "jpki_signature" << today << true;
    QTest::addRow("unknown procedure") << "koseki_tohon"
                                       << "ekyc_face" << today << false;
    QTest::addRow("before the catalogue's start") << "tax_certificate"
                                                  << "ekyc_face" << QDate(2021, 9, 28) << false;
}

void TestProcedurePolicy::shippedDefaults()
{
    QFETCH(QString, procedure);
    QFETCH(QString, method);
    QFETCH(QDate, date);
    QFETCH(bool, accepted);
    test::StoreFixture f;
    QVERIFY(f.ok());
    auto db = f.store().connections().database();
    auto evaluation = ProcedurePolicy::evaluate(db.value(), procedure, method, date);
    QVERIFY(evaluation.ok());
    QCOMPARE(evaluation.value().accepted, accepted);
    QCOMPARE(evaluation.value().explanation.isEmpty(), accepted);
    if (procedure == QLatin1String("juminhyo_copy") && !accepted) {
        QVERIFY(evaluation.value().explanation.contains(QStringLiteral("マイナンバーカード")));
        QVERIFY(evaluation.value().explanation.contains(QStringLiteral("2021年9月29日")));
    }
}

void TestProcedurePolicy::catalogueHasTheLegalBasis()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    auto db = f.store().connections().database();
    auto all = ProcedurePolicy::current(db.value());
    QVERIFY(all.ok());
    QCOMPARE(int(all.value().size()), 4);
    for (const Procedure &p : all.value()) {
        QCOMPARE(p.version, 1);
        QVERIFY(!p.nameJa.isEmpty());
        QVERIFY(!p.legalBasis.isEmpty());
        QCOMPARE(p.validFrom, QDate(2021, 9, 29));
    }
    auto juminhyo = ProcedurePolicy::current(db.value(), QStringLiteral("juminhyo_copy"));
    QCOMPARE(juminhyo.value().nameJa, QStringLiteral("住民票の写し"));
    QVERIFY(juminhyo.value().legalBasis.contains(QStringLiteral("第22条")));
    QVERIFY(juminhyo.value().legalBasis.contains(QStringLiteral("総務省令第96号")));
}

void TestProcedurePolicy::changesAreVersionedAndAudited()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    auto db = f.store().connections().database();
    Procedure tax = ProcedurePolicy::current(db.value(), QStringLiteral("tax_certificate")).value();
    tax.acceptedMethods = QStringList{QStringLiteral("jpki_signature")};
    tax.validFrom = QDate(2027, 4, 1);
    auto version = ProcedurePolicy::change(f.store(), f.user(QStringLiteral("admin")), tax);
    QVERIFY(version.ok());
    QCOMPARE(version.value(), 2);
    auto history = ProcedurePolicy::history(db.value(), QStringLiteral("tax_certificate"));
    QCOMPARE(int(history.value().size()), 2);
    QCOMPARE(history.value().front().acceptedMethods.size(), 2); // version 1 kept as it was
    QCOMPARE(ProcedurePolicy::current(db.value(), QStringLiteral("tax_certificate")).value().changedBy,
             QStringLiteral("admin"));
    QCOMPARE(Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'policy_changed' "
                                                    "AND subject = 'procedure:tax_certificate'"))
                 .value()
                 .toInt(),
             1);
    QVERIFY(AuditChain::verify(db.value()).value().ok);
    // Under the new version an eKYC-face tax certificate is held.
    auto evaluation = ProcedurePolicy::evaluate(db.value(), QStringLiteral("tax_certificate"),
                                                QStringLiteral("ekyc_face"), QDate(2027, 5, 1));
    QVERIFY(!evaluation.value().accepted);
    QCOMPARE(evaluation.value().version, 2);
    // Before the change takes effect, version 1 still decides.
    auto before = ProcedurePolicy::evaluate(db.value(), QStringLiteral("tax_certificate"), QStringLiteral("ekyc_face"),
                                            QDate(2027, 3, 31));
    QVERIFY(before.value().accepted);
    QCOMPARE(before.value().version, 1);
}

void TestProcedurePolicy::onlyAdminsChangeIt()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    auto db = f.store().connections().database();
    Procedure juminhyo = ProcedurePolicy::current(db.value(), QStringLiteral("juminhyo_copy")).value();
    juminhyo.acceptedMethods << QStringLiteral("ekyc_face");
    for (const char *login : {"clerk1", "sup1"}) {
        auto refused = ProcedurePolicy::change(f.store(), f.user(QString::fromLatin1(login)), juminhyo);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    }
    QCOMPARE(ProcedurePolicy::current(db.value(), QStringLiteral("juminhyo_copy")).value().version, 1);
}

void TestProcedurePolicy::unknownMethodRefused()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    auto db = f.store().connections().database();
    Procedure tax = ProcedurePolicy::current(db.value(), QStringLiteral("tax_certificate")).value();
    tax.acceptedMethods = QStringList{QStringLiteral("fax")};
    QCOMPARE(ProcedurePolicy::change(f.store(), f.user(QStringLiteral("admin")), tax).error().code,
             ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestProcedurePolicy)
#include "TestProcedurePolicy.moc"
