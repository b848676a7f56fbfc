#include "core/face/FaceThresholds.h"
#include "core/face/ModelSet.h"
#include "core/issuance/CertificateIssuer.h"
#include "core/store/CaseStore.h"
#include "core/store/WardSettings.h"
#include "tests/support/FilePrivacy.h"
#include "tests/support/StoreFixture.h"
#include "ui/Language.h"
#include "ui/dialogs/AboutDialog.h"
#include "ui/issuance/IssuancePreview.h"
#include "ui/models/AuditModel.h"
#include "ui/support/WorkstationSettings.h"
#include "ui/views/AuditView.h"
#include "ui/views/SettingsView.h"
#include "ui/views/UsersView.h"
#include "ui/views/WardSettingsPanel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTest>

using namespace mado;
using namespace mado::test;

// Generous: password hashing and queries share two cores with other builds.
constexpr int kWait = 30000;

// Audit viewer, settings, users and About.
class TestAdminPages : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(Language::install(QStringLiteral("en"))); }
    void cleanupTestCase() { Language::install(Language::defaultLanguage()); }
    void showsAndVerifiesTheAuditChain();
    void savesSettingsWithTheTokenOutsideTheIniFile();
    void setsTheWardIssuerForCertificates();
    void listsTheAccounts();
    void aboutNamesVersionsModelsAndLicences();
};

void TestAdminPages::showsAndVerifiesTheAuditChain()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    QVERIFY(fixture.caseIn(CaseState::Decided));
    AuditView view(fixture.store());
    QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.show();
    auto db = fixture.store().connections().database();
    QVERIFY(db.ok());
    QSqlQuery count(db.value());
    QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*), MAX(seq) FROM audit")) && count.next());
    const int entries = count.value(0).toInt();
    QVERIFY(entries > 3);
    QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), entries, kWait);
    // Newest first.
    QCOMPARE(view.model()->data(view.model()->index(0, AuditModel::Seq)).toLongLong(), count.value(1).toLongLong());
    QCOMPARE(view.model()->data(view.model()->index(0, AuditModel::Action)).toString(), QStringLiteral("case_decided"));

    QSignalSpy verified(&view, &AuditView::chainVerified);
    auto *label = view.findChild<QLabel *>(QStringLiteral("chainResultLabel"));
    QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("verifyChainButton")), Qt::LeftButton);
    // The result may arrive before or during the wait: count the signals.
    QTRY_COMPARE_WITH_TIMEOUT(verified.count(), 1, kWait);
    QCOMPARE(verified.at(0).at(0).toBool(), true);
    QVERIFY2(label->text().contains(QStringLiteral("intact: %1 entries").arg(entries)), qPrintable(label->text()));

    // Editing one entry breaks the chain from there, and the viewer says so.
    QSqlQuery tamper(db.value());
    QVERIFY(tamper.exec(QStringLiteral("UPDATE audit SET actor = 'mallory' WHERE seq = 2")));
    QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("verifyChainButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(verified.count(), 2, kWait);
    QCOMPARE(verified.at(1).at(0).toBool(), false);
    QVERIFY2(label->text().contains(QStringLiteral("BROKEN at entry 2")), qPrintable(label->text()));
}

void TestAdminPages::savesSettingsWithTheTokenOutsideTheIniFile()
{
    StoreFixture fixture;
    const QString directory = fixture.dir() + QStringLiteral("/config");
    {
        auto settings = WorkstationSettings::createForTesting(directory);
        SettingsView view(*settings);
        auto *url = view.findChild<QLineEdit *>(QStringLiteral("receiverUrlLineEdit"));
        auto *token = view.findChild<QLineEdit *>(QStringLiteral("receiverTokenLineEdit"));
        auto *models = view.findChild<QLineEdit *>(QStringLiteral("modelsDirectoryLineEdit"));
        QVERIFY(url && token && models);
        QCOMPARE(models->text(), ModelSet::defaultDirectory());
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        url->setText(QStringLiteral("https://receiver.example.invalid:8443"));
        token->setText(QStringLiteral("s3cret-token"));
        models->setText(QStringLiteral("/opt/madoguchi/models"));
        auto *caFile = view.findChild<QLineEdit *>(QStringLiteral("receiverCaFileLineEdit"));
        QVERIFY(caFile);
        QCOMPARE(caFile->text(), QString()); // default: the system's CA certificates
        caFile->setText(QStringLiteral("/etc/madoguchi/ward-ca.pem"));
        QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("saveSettingsButton")), Qt::LeftButton);
        QCOMPARE(view.findChild<QLabel *>(QStringLiteral("settingsMessageLabel"))->text(),
                 QStringLiteral("Settings saved."));
        // The shipped thresholds, read-only.
        const auto shipped = FaceThresholds::shipped();
        QVERIFY(shipped.ok());
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("thresholdsVersionLabel"))
                    ->text()
                    .contains(shipped.value().version));
        auto *values = view.findChild<QPlainTextEdit *>(QStringLiteral("thresholdsPlainTextEdit"));
        QVERIFY(values->isReadOnly());
        QVERIFY(values->toPlainText().contains(QStringLiteral("match")));
    }
    auto reopened = WorkstationSettings::createForTesting(directory);
    QCOMPARE(reopened->value(WorkstationSettings::Key::ReceiverUrl).toString(),
             QStringLiteral("https://receiver.example.invalid:8443"));
    QCOMPARE(reopened->value(WorkstationSettings::Key::ModelsDirectory).toString(),
             QStringLiteral("/opt/madoguchi/models"));
    QCOMPARE(reopened->value(WorkstationSettings::Key::ReceiverCaFile).toString(),
             QStringLiteral("/etc/madoguchi/ward-ca.pem"));
    QCOMPARE(reopened->receiverToken(), QStringLiteral("s3cret-token"));
    QFile ini(directory + QStringLiteral("/madoguchi.ini"));
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains("s3cret-token"));
    QCOMPARE(othersWhoMayRead(directory + QStringLiteral("/receiver-token")), QString());
}

void TestAdminPages::setsTheWardIssuerForCertificates()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    const qint64 caseId = fixture.caseIn(CaseState::BatchApproved);
    QVERIFY(caseId);
    const qint64 clerk = fixture.user(QStringLiteral("clerk1"));
    const QString issuer = QStringLiteral("東京都見本区長　区長 太郎");
    // Until an admin sets one, the template's specimen issuer.
    auto before = IssuancePreview::load(fixture.store(), clerk, caseId, QStringLiteral("-"));
    QVERIFY(!before.problem);
    QVERIFY(!before.certificateHtml.contains(issuer));

    // The admin sets it on the settings page, for every workstation of the store.
    auto settings = WorkstationSettings::createForTesting(fixture.dir() + QStringLiteral("/config"));
    SettingsView view(*settings);
    view.showWardSettings(fixture.store(), fixture.user(QStringLiteral("admin")));
    WardSettingsPanel *panel = view.wardSettingsPanel();
    QVERIFY(panel);
    QSignalSpy loaded(panel, &WardSettingsPanel::loaded);
    QVERIFY(loaded.wait(kWait));
    auto *edit = panel->findChild<QLineEdit *>(QStringLiteral("issuerNameLineEdit"));
    QVERIFY(edit);
    QCOMPARE(edit->text(), QString());
    QSignalSpy saved(panel, &WardSettingsPanel::saved);
    edit->setText(QStringLiteral("  ") + issuer);
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("saveWardSettingsButton")), Qt::LeftButton);
    QVERIFY(saved.wait(kWait));
    QCOMPARE(saved.first().first().toBool(), true);
    QCOMPARE(WardSettings(fixture.store()).issuerName().value(), issuer);

    // The certificate and the mailing label carry it.
    auto after = IssuancePreview::load(fixture.store(), clerk, caseId, QStringLiteral("-"));
    QVERIFY(!after.problem);
    QVERIFY(after.certificateHtml.contains(issuer));
    QVERIFY(after.labelHtml.contains(issuer));
    QVERIFY(!after.certificateHtml.contains(QStringLiteral("見本区長　見本 一郎")));

    // Issued under it, the certificate keeps it: a re-export after the setting changed still
    // shows the issuer of the day of issue.
    QVERIFY(CertificateIssuer(fixture.store()).issue(clerk, caseId).ok());
    const QString successor = QStringLiteral("東京都見本区長　後任 次郎");
    QVERIFY(WardSettings(fixture.store()).setIssuerName(fixture.user(QStringLiteral("admin")), successor).ok());
    auto reexport = IssuancePreview::load(fixture.store(), clerk, caseId, QStringLiteral("-"));
    QVERIFY(!reexport.problem);
    QVERIFY(reexport.issued);
    QVERIFY(reexport.certificateHtml.contains(issuer));
    QVERIFY(reexport.labelHtml.contains(issuer));
    QVERIFY(!reexport.certificateHtml.contains(successor));
    QVERIFY(WardSettings(fixture.store()).setIssuerName(fixture.user(QStringLiteral("admin")), issuer).ok());

    // Only an admin, one line, audited without the value.
    WardSettings ward(fixture.store());
    QCOMPARE(ward.setIssuerName(clerk, QStringLiteral("x")).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(ward.setIssuerName(fixture.user(QStringLiteral("admin")), QStringLiteral(" ")).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(ward.setIssuerName(fixture.user(QStringLiteral("admin")), QStringLiteral("a\nb")).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(ward.issuerName().value(), issuer);
    QSqlQuery q(fixture.store().connections().database().value());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*), max(detail) FROM audit WHERE action = 'ward_setting_changed'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 3); // the page's change, the successor and back
    QVERIFY(!q.value(1).toString().contains(QStringLiteral("区長")));
}

void TestAdminPages::listsTheAccounts()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    UsersView view(fixture.store());
    auto *table = view.findChild<QTableWidget *>(QStringLiteral("usersTableWidget"));
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 5, kWait); // admin, clerk1, clerk2, sup1, sup2
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("admin"));
    QCOMPARE(table->item(3, 2)->text(), QStringLiteral("supervisor"));
}

void TestAdminPages::aboutNamesVersionsModelsAndLicences()
{
    AboutDialog english;
    const QString text = english.text();
    QVERIFY(text.contains(QStringLiteral(MADO_VERSION)));
    QVERIFY(text.contains(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())));
    QVERIFY(text.contains(QStringLiteral("OpenCV 4.")));
    QVERIFY(text.contains(QStringLiteral("dlib 19.")));
    for (Model model :
         {Model::FaceRecognitionResNet, Model::ShapePredictor5, Model::ShapePredictor68, Model::MmodFaceDetector}) {
        QVERIFY2(text.contains(ModelSet::fileName(model)), qPrintable(ModelSet::fileName(model)));
        QVERIFY2(text.contains(ModelSet::expectedSha256(model)), qPrintable(ModelSet::fileName(model)));
    }
    QVERIFY(text.contains(QStringLiteral("CC0")));
    QVERIFY(text.contains(QStringLiteral("iBUG 300-W")));
    QVERIFY(text.contains(QStringLiteral("excludes commercial use")));
    QVERIFY(Language::install(QStringLiteral("ja")));
    AboutDialog japanese;
    QVERIFY2(japanese.text().contains(QStringLiteral("商用利用")), qPrintable(japanese.text()));
    QVERIFY(japanese.text().contains(QStringLiteral("iBUG 300-W")));
}

QTEST_MAIN(TestAdminPages)
#include "TestAdminPages.moc"
