#include "core/issuance/CertificateData.h"
#include "core/security/UserDirectory.h"
#include "core/store/CaseStore.h"
#include "core/store/OutcomeOutbox.h"
#include "core/station/Importer.h"
#include "core/workflow/BatchWorkflow.h"
#include "core/workflow/CaseWorkflow.h"
#include "core/workflow/ProcedurePolicy.h"
#include "tests/station/ReceiverFixture.h"
#include "tests/support/StoreFixture.h"
#include "tests/ui/UiTestKit.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"
#include "ui/issuance/HtmlPreview.h"
#include "ui/support/FileDialog.h"
#include "ui/support/MessageBox.h"
#include "ui/views/IssuanceView.h"

#include <QDir>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;
using namespace mado::test;

// Generous: WebEngine start-up, PDF printing and queries share two cores with other builds.
constexpr int kWait = 60000;

// The issuance page on a real store, offscreen, clicked like a clerk would: the tab for the roles
// that issue, a held case explained and not issuable, an issuance recorded in the store and shown
// in the preview, the certificate and the mailing label exported to PDF (read back with pdftotext).
class TestIssuanceView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { QVERIFY(Language::install(QStringLiteral("en"))); }
    void cleanupTestCase() { Language::install(Language::defaultLanguage()); }
    void tabForTheRolesThatIssue_data();
    void tabForTheRolesThatIssue();
    void heldCaseShowsWhyAndCannotBeIssued();
    void issuesExportsAndPrintsTheLabel();
    void notifiesTheReceiverAgainOnceItIsBack();

private:
    QTemporaryDir m_dir;
};

namespace {

// The PDF's text without white space (pdftotext may space out CJK glyphs).
QString pdfText(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return QString();
    QString text = QString::fromUtf8(process.readAllStandardOutput());
    text.remove(QRegularExpression(QStringLiteral("\\s")));
    return text;
}

// The ward accepts eKYC-face for 住民票の写し (the shipped policy holds it).
bool acceptEkycForJuminhyo(StoreFixture &fixture)
{
    auto db = fixture.store().connections().database();
    auto current = ProcedurePolicy::current(db.value(), QStringLiteral("juminhyo_copy"));
    if (!current.ok())
        return false;
    Procedure changed = current.value();
    changed.acceptedMethods << QStringLiteral("ekyc_face");
    changed.validFrom = QDate(2026, 1, 1);
    return ProcedurePolicy::change(fixture.store(), fixture.user(QStringLiteral("admin")), changed).ok();
}

// Shows the issuance tab of a window in a session of `login`.
IssuanceView *openIssuance(MainWindow &window, StoreFixture &fixture, const QString &login)
{
    window.startSession(fixture.store(), logIn(fixture, login), {});
    window.resize(1400, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return nullptr;
    auto *view = child<IssuanceView>(window, "issuanceView");
    if (view)
        child<QTabWidget>(window, "pagesTabWidget")->setCurrentWidget(view);
    return view;
}

} // namespace

void TestIssuanceView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(), "poppler-utils is needed");
}

void TestIssuanceView::tabForTheRolesThatIssue_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<bool>("hasTab");
    QTest::addRow("clerk") << QStringLiteral("clerk1") << true;
    QTest::addRow("supervisor") << QStringLiteral("sup1") << true;
    QTest::addRow("admin does no case work") << QStringLiteral("admin") << false;
}

void TestIssuanceView::tabForTheRolesThatIssue()
{
    QFETCH(QString, login);
    QFETCH(bool, hasTab);
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    MainWindow window;
    window.startSession(fixture.store(), logIn(fixture, login), {});
    auto *tabs = child<QTabWidget>(window, "pagesTabWidget");
    QVERIFY(tabs);
    auto *view = window.findChild<IssuanceView *>(QStringLiteral("issuanceView"));
    QCOMPARE(view != nullptr, hasTab);
    if (view)
        QCOMPARE(tabs->tabText(tabs->indexOf(view)), QStringLiteral("Issuance"));
}

void TestIssuanceView::heldCaseShowsWhyAndCannotBeIssued()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    const qint64 held = fixture.caseIn(CaseState::Held); // 住民票の写し by eKYC-face: held by policy
    QVERIFY(held);
    MainWindow window;
    IssuanceView *view = openIssuance(window, fixture, QStringLiteral("clerk1"));
    QVERIFY(view);
    auto *table = child<QTableWidget>(window, "issuanceTableWidget");
    auto *issue = child<QPushButton>(window, "issueButton");
    auto *refusal = child<QLabel>(window, "refusalLabel");
    QVERIFY(table && issue && refusal);
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, kWait);
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("Held (policy)"));

    QSignalSpy shown(view, &IssuanceView::previewShown);
    QVERIFY(clickRow(table, reference(fixture, held)));
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(0).toLongLong() == held, kWait);
    QVERIFY(refusal->isVisible());
    // The policy's own explanation (it names the accepted method, JPKI).
    QVERIFY2(refusal->text().contains(QStringLiteral("JPKI")), qPrintable(refusal->text()));
    QVERIFY(!issue->isEnabled());
    QVERIFY(!child<QPushButton>(window, "exportPdfButton")->isEnabled());
    QCOMPARE(fixture.store().caseStatus(held).value().state, CaseState::Held);
    // Showing the case's personal data was audited under the clerk's name.
    auto db = fixture.store().connections().database();
    QSqlQuery audit(db.value());
    QVERIFY(audit.exec(
        QStringLiteral("SELECT actor FROM audit WHERE action = 'case_viewed' AND subject = 'case:%1'").arg(held)));
    QVERIFY(audit.next());
    QVERIFY(audit.value(0).toString().contains(QStringLiteral("clerk1")));
}

void TestIssuanceView::issuesExportsAndPrintsTheLabel()
{
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    QVERIFY(acceptEkycForJuminhyo(fixture));
    const qint64 caseId = fixture.caseIn(CaseState::BatchApproved, QStringLiteral("juminhyo_copy"));
    QVERIFY(caseId);
    MainWindow window;
    IssuanceView *view = openIssuance(window, fixture, QStringLiteral("clerk1"));
    QVERIFY(view);
    auto *table = child<QTableWidget>(window, "issuanceTableWidget");
    auto *issue = child<QPushButton>(window, "issueButton");
    auto *exportPdf = child<QPushButton>(window, "exportPdfButton");
    auto *exportLabel = child<QPushButton>(window, "exportLabelButton");
    auto *certificate = child<HtmlPreview>(window, "certificatePreviewWebView");
    auto *label = child<HtmlPreview>(window, "labelPreviewWebView");
    QVERIFY(table && issue && exportPdf && exportLabel && certificate && label);
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, kWait);
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("Ready to issue"));

    // Before issuance: the preview has no number yet, and nothing can be exported.
    QSignalSpy shown(view, &IssuanceView::previewShown);
    QVERIFY(clickRow(table, reference(fixture, caseId)));
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(0).toLongLong() == caseId, kWait);
    QVERIFY(certificate->html().contains(QStringLiteral("(assigned at issuance)")));
    QVERIFY(certificate->html().contains(QStringLiteral("見本"))); // a preview is no certificate
    QVERIFY(issue->isEnabled());
    QVERIFY(!exportPdf->isEnabled());

    // A cancelled confirmation issues nothing.
    MessageBox::setNextAnswer(false);
    QTest::mouseClick(issue, Qt::LeftButton);
    QCOMPARE(fixture.store().caseStatus(caseId).value().state, CaseState::BatchApproved);

    QSignalSpy issued(view, &IssuanceView::issued);
    shown.clear();
    MessageBox::setNextAnswer(true);
    QTest::mouseClick(issue, Qt::LeftButton);
    QVERIFY(!issue->isEnabled()); // busy: no second click while the work runs off the GUI thread
    QTRY_COMPARE_WITH_TIMEOUT(issued.count(), 1, kWait);
    const QString number = issued.at(0).at(1).toString();
    QVERIFY(!number.isEmpty());
    // Recorded in the store with that number.
    QCOMPARE(fixture.store().caseStatus(caseId).value().state, CaseState::Issued);
    auto data = CertificateData::load(fixture.store(), caseId);
    QVERIFY(data.ok());
    QCOMPARE(data.value().certificateNumber, number);
    // No receiver is configured here: the issuance stands and the notice waits.
    QVERIFY(child<QLabel>(window, "issuanceMessageLabel")->text().contains(number));
    // The preview shows the real number now.
    QTRY_VERIFY_WITH_TIMEOUT(view->preview().issued && certificate->html().contains(number), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(0).toLongLong() == caseId, kWait);
    QVERIFY(!certificate->html().contains(QStringLiteral("(assigned at issuance)")));
    QVERIFY(!issue->isEnabled());
    QVERIFY(child<QPushButton>(window, "notifyAgainButton")->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(table->item(0, 2)->text(), QStringLiteral("Issued"), kWait);
    QCOMPARE(table->item(0, 3)->text(), number);

    // Export the certificate where the user chose.
    QVERIFY(exportPdf->isEnabled());
    QSignalSpy exported(view, &IssuanceView::exported);
    const QString certificatePath = m_dir.filePath(QStringLiteral("certificate.pdf"));
    FileDialog::setNextFileName(certificatePath);
    QTest::mouseClick(exportPdf, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, kWait);
    QCOMPARE(exported.at(0).at(0).toString(), certificatePath);
    const QString text = pdfText(certificatePath);
    QVERIFY2(text.contains(QStringLiteral("見本太郎")), qPrintable(text.left(400)));
    QVERIFY(text.contains(number));
    QVERIFY(text.contains(QStringLiteral("写し")));

    // And the mailing label: registered postal code, name with 様.
    QTRY_VERIFY_WITH_TIMEOUT(exportLabel->isEnabled(), kWait);
    const QString labelPath = m_dir.filePath(QStringLiteral("label.pdf"));
    FileDialog::setNextFileName(labelPath);
    QTest::mouseClick(exportLabel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 2, kWait);
    const QString labelText = pdfText(labelPath);
    QVERIFY2(labelText.contains(QStringLiteral("100-0002")), qPrintable(labelText));
    QVERIFY(labelText.contains(QStringLiteral("見本太郎様")));
    QVERIFY(labelText.contains(reference(fixture, caseId)));

    // A cancelled file dialog writes nothing.
    FileDialog::setNextFileName(QString());
    QTest::mouseClick(exportPdf, Qt::LeftButton);
    QTest::qWait(200);
    QCOMPARE(exported.count(), 2);
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files).size(), 2);
}

namespace {

// Submits one application of 見本 太郎 to the real receiver, imports it and takes it through the
// real workflow to an approved batch; returns the case (0 on failure).
qint64 approvedFromReceiver(ReceiverFixture &rx, StoreFixture &fixture, QString *applicationId)
{
    const QString id = rx.submit(1, {{QStringLiteral("procedure"), QStringLiteral("tax_certificate")},
                                     {QStringLiteral("name"), QStringLiteral("見本 太郎")},
                                     {QStringLiteral("kana"), QStringLiteral("ミホン タロウ")},
                                     {QStringLiteral("dateOfBirth"), QStringLiteral("1980-04-01")}});
    if (id.isEmpty())
        return 0;
    *applicationId = id;
    auto round = Importer(fixture.store(), rx.client()).runOnce();
    if (!round.ok() || round.value().imported != 1)
        return 0;
    auto db = fixture.store().connections().database();
    QSqlQuery q(db.value());
    q.prepare(QStringLiteral("SELECT id FROM cases WHERE application_id = :a"));
    q.bindValue(QStringLiteral(":a"), id);
    if (!q.exec() || !q.next())
        return 0;
    const qint64 caseId = q.value(0).toLongLong();
    const qint64 clerk = fixture.user(QStringLiteral("clerk1"));
    CaseWorkflow cases(fixture.store());
    BatchWorkflow batches(fixture.store());
    // The images are face-free test pictures: the verdict is the fixture's, not the engine's.
    if (!cases.markVerified(clerk, caseId, StoreFixture::matchVerdict(id)).ok() || !cases.claim(clerk, caseId).ok() ||
        !cases.decide(clerk, caseId, {DecisionOutcome::Approved, QString(), QString()}).ok())
        return 0;
    auto batch = batches.submit(clerk, {caseId});
    if (!batch.ok() ||
        !batches
             .approve(fixture.user(QStringLiteral("sup1")), batch.value(), QString::fromLatin1(StoreFixture::kPassword))
             .ok())
        return 0;
    return caseId;
}

} // namespace

void TestIssuanceView::notifiesTheReceiverAgainOnceItIsBack()
{
    ReceiverFixture rx;
    QVERIFY(rx.ok());
    StoreFixture fixture;
    QVERIFY(fixture.ok());
    QString id;
    const qint64 caseId = approvedFromReceiver(rx, fixture, &id);
    QVERIFY(caseId);
    const quint16 port = rx.workstationPort();
    rx.stopWorkstationServer();

    MainWindow window;
    MainWindow::SessionSetup setup;
    setup.receiverUrl = rx.client().baseUrl();
    setup.receiverToken = ReceiverFixture::token();
    window.startSession(fixture.store(), logIn(fixture, QStringLiteral("clerk1")), setup);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *view = child<IssuanceView>(window, "issuanceView");
    QVERIFY(view);
    child<QTabWidget>(window, "pagesTabWidget")->setCurrentWidget(view);
    auto *table = child<QTableWidget>(window, "issuanceTableWidget");
    auto *issue = child<QPushButton>(window, "issueButton");
    auto *notify = child<QPushButton>(window, "notifyAgainButton");
    auto *message = child<QLabel>(window, "issuanceMessageLabel");
    QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, kWait);
    QVERIFY(clickRow(table, reference(fixture, caseId)));
    QTRY_VERIFY_WITH_TIMEOUT(issue->isEnabled(), kWait);

    // The receiver is down: issued all the same, the notice waits.
    QSignalSpy issued(view, &IssuanceView::issued);
    MessageBox::setNextAnswer(true);
    QTest::mouseClick(issue, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(issued.count(), 1, kWait);
    QVERIFY2(message->text().contains(QStringLiteral("could not be notified")), qPrintable(message->text()));
    QTRY_COMPARE_WITH_TIMEOUT(table->item(0, 4)->text(), QStringLiteral("Not sent yet"), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(notify->isVisible() && notify->isEnabled(), kWait);
    QVERIFY(OutcomeOutbox(fixture.store()).isPending(caseId, QStringLiteral("issued")).value());

    // Notify again while it is still down: still waiting, said so.
    message->clear();
    QTest::mouseClick(notify, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("could not be notified")), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(notify->isEnabled(), kWait);
    QVERIFY(OutcomeOutbox(fixture.store()).isPending(caseId, QStringLiteral("issued")).value());

    // The receiver is back: Notify again delivers it ("approved" first, then "issued").
    QVERIFY(rx.startWorkstationServer(port));
    QTest::mouseClick(notify, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(QStringLiteral("The receiver was notified")), kWait);
    QTRY_COMPARE_WITH_TIMEOUT(table->item(0, 4)->text(), QStringLiteral("Sent"), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(!notify->isVisible(), kWait);
    QVERIFY(!OutcomeOutbox(fixture.store()).isPending(caseId, QStringLiteral("issued")).value());
    QCOMPARE(rx.spoolText(QStringLiteral("SELECT state FROM applications WHERE id = '%1'").arg(id)),
             QStringLiteral("issued"));
    QCOMPARE(fixture.store().caseStatus(caseId).value().state, CaseState::Notified);
}

QTEST_MAIN(TestIssuanceView)
#include "TestIssuanceView.moc"
