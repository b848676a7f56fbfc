// The case view's JPKI signature panel (issue 14) on a real store: signed 住民票 requests imported
// through Importer::store with a test PKI generated at test time, their signatures verified by the
// real JpkiVerifier (JpkiSignatureCheck) into the verdict. A valid signature shows the signer's
// facts beside the form and the register with nothing marked; a certificate whose address differs
// marks that row with "≠" (not only by colour) and shows the held result with its reason in
// Japanese and English; an unsigned case shows no panel; the clerk's window still fits 1366×768.
// MADO_SCREENSHOT_DIR=DIR saves the clerk's guide screenshots there (docs/images).

#include "core/bundle/CanonicalManifest.h"
#include "core/issuance/CertificateData.h"
#include "core/issuance/CertificateIssuer.h"
#include "core/workflow/BatchWorkflow.h"
#include "core/security/UserDirectory.h"
#include "core/station/Importer.h"
#include "core/station/JpkiSettings.h"
#include "core/station/JpkiSignatureCheck.h"
#include "core/station/VerificationJob.h"
#include "core/store/ImageSanitizer.h"
#include "core/workflow/CaseWorkflow.h"
#include "tests/jpki/SignedJuminhyo.h"
#include "tests/jpki/TestPki.h"
#include "tests/support/ImageFiles.h"
#include "tests/support/StoreFixture.h"
#include "tests/ui/CertificateCases.h"
#include "ui/Language.h"
#include "ui/issuance/CertificateTemplate.h"
#include "ui/issuance/PdfRenderer.h"
#include "ui/MainWindow.h"
#include "ui/support/WorkstationSettings.h"
#include "ui/views/CaseView.h"
#include "ui/views/QueueView.h"
#include "ui/widgets/SignaturePanel.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QTabBar>
#include <QTabWidget>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;

constexpr int kWait = 60000;

class TestSignaturePanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { Language::install(Language::defaultLanguage()); }
    void validSignatureShowsTheSignerBesideFormAndRegister();
    void differingAddressIsMarkedNotOnlyByColour();
    void unsignedCaseHasNoPanel();
    void signedCaseIsIssuedAsAJuminhyoCopy();
    void clerksWindowFitsWithTheSignaturePanel_data();
    void clerksWindowFitsWithTheSignaturePanel();

private:
    // A signed (signer non-empty) 住民票 request of StoreFixture's register resident, imported and
    // verified; the case id (0 on failure).
    qint64 signedCase(test::StoreFixture &f, const QString &pki, const QString &signer);
    bool open(CaseView &view, qint64 caseId);
    // The clerk's case view at 1366×680 with `caseId` opened (nullptr when it did not load).
    std::unique_ptr<CaseView> openAsClerk(test::StoreFixture &f, qint64 caseId);
    void screenshot(QWidget &widget, const QString &name);

    QTemporaryDir m_dir;
    QString m_pki;      // the register's facts
    QString m_otherPki; // another address in the certificate
};

void TestSignaturePanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(Language::install(QStringLiteral("ja")));
    m_pki = m_dir.filePath(QStringLiteral("pki"));
    m_otherPki = m_dir.filePath(QStringLiteral("other"));
    QVERIFY(test::TestPki::generate(m_pki, {QStringLiteral("見本　太郎"), QStringLiteral("319800401"), QStringLiteral("1"),
                                            QStringLiteral("東京都見本区登録町四丁目５番６号")}));
    QVERIFY(test::TestPki::generate(m_otherPki, {QStringLiteral("見本　太郎"), QStringLiteral("319800401"),
                                                 QStringLiteral("1"), QStringLiteral("東京都見本区転居町一丁目１番１号")}));
}

qint64 TestSignaturePanel::signedCase(test::StoreFixture &f, const QString &pki, const QString &signer)
{
    const Importer::Fetched fetched = test::signedJuminhyo(f, pki, signer);
    if (fetched.images.empty() || (!signer.isEmpty() && fetched.bundle.signature->cms.isEmpty()))
        return 0;
    const CaseBundle &b = fetched.bundle;
    const ReceiverClient client(QStringLiteral("https://127.0.0.1:9"), QByteArrayLiteral("unused-token"));
    auto imported = Importer(f.store(), client).store(fetched);
    if (!imported) {
        qWarning("%s", qPrintable(imported.error().message));
        return 0;
    }
    const qint64 id = imported.value().caseId;
    // The verdict as VerificationJob makes it, without the face engine: the real signature check.
    Verdict verdict = test::StoreFixture::matchVerdict(b.applicationId);
    if (b.signature) {
        auto check = JpkiSignatureCheck(f.store()).verify(b);
        if (!check)
            return 0;
        VerificationJob::applyJpkiCheck(check.value().result, verdict);
    }
    if (!CaseWorkflow(f.store()).markVerified(f.user(QStringLiteral("clerk1")), id, verdict))
        return 0;
    return id;
}

bool TestSignaturePanel::open(CaseView &view, qint64 caseId)
{
    QSignalSpy loaded(&view, &CaseView::caseLoaded);
    view.openCase(caseId);
    return loaded.wait(kWait);
}

std::unique_ptr<CaseView> TestSignaturePanel::openAsClerk(test::StoreFixture &f, qint64 caseId)
{
    auto view = std::make_unique<CaseView>(f.store(), f.user(QStringLiteral("clerk1")));
    view->resize(1366, 680);
    view->show();
    return caseId != 0 && open(*view, caseId) ? std::move(view) : nullptr;
}

void TestSignaturePanel::screenshot(QWidget &widget, const QString &name)
{
    const QString directory = qEnvironmentVariable("MADO_SCREENSHOT_DIR");
    if (directory.isEmpty())
        return;
    QVERIFY(QDir().mkpath(directory));
    QVERIFY(widget.grab().save(QDir(directory).filePath(name)));
}

void TestSignaturePanel::validSignatureShowsTheSignerBesideFormAndRegister()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    auto opened = openAsClerk(f, signedCase(f, m_pki, QStringLiteral("ok")));
    QVERIFY(opened);
    CaseView &view = *opened;
    QCOMPARE(view.caseData().record.identityMethod, QStringLiteral("jpki_signature"));
    auto *tabs = view.findChild<QTabWidget *>(QStringLiteral("registerSignatureTabWidget"));
    QVERIFY(tabs && tabs->tabBar()->isVisible());
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->currentIndex(), 1); // the signature opens first
    QVERIFY(view.signaturePanel()->isVisible());
    auto *result = view.findChild<QLabel *>(QStringLiteral("signatureResultLabel"));
    QVERIFY(result->text().startsWith(QStringLiteral("✓")));
    QCOMPARE(view.findChild<QLabel *>(QStringLiteral("signatureReasonLabel"))->text(),
             JpkiSignatureResult::reasonJa(QStringLiteral("ok")));
    QCOMPARE(view.findChild<QLabel *>(QStringLiteral("signatureReasonEnLabel"))->text(),
             JpkiSignatureResult::reasonEn(QStringLiteral("ok")));

    QTableWidget *facts = view.signaturePanel()->factsTable();
    QCOMPARE(facts->item(SignaturePanel::NameRow, SignaturePanel::CertificateColumn)->text(), QStringLiteral("見本　太郎"));
    QCOMPARE(facts->item(SignaturePanel::NameRow, SignaturePanel::FormColumn)->text(),
             view.caseData().record.applicant->name);
    QCOMPARE(facts->item(SignaturePanel::DateOfBirthRow, SignaturePanel::CertificateColumn)->text(),
             QStringLiteral("1980-04-01"));
    QCOMPARE(facts->item(SignaturePanel::AddressRow, SignaturePanel::CertificateColumn)->text(),
             QStringLiteral("東京都見本区登録町四丁目５番６号"));
    QCOMPARE(facts->item(SignaturePanel::AddressRow, SignaturePanel::RegisterColumn)->text(),
             QStringLiteral("東京都見本区登録町4-5-6"));
    QVERIFY(facts->item(SignaturePanel::GenderRow, SignaturePanel::CertificateColumn)->text().contains(QStringLiteral("1")));
    for (int row = 0; row < facts->rowCount(); ++row)
        for (int column = 0; column < facts->columnCount(); ++column) {
            QVERIFY(!facts->item(row, column)->data(Qt::UserRole).toBool());
            QVERIFY(!facts->item(row, column)->text().startsWith(QStringLiteral("≠")));
        }

    const JpkiSignatureResult &r = *view.caseData().verdict->jpkiSignature;
    QVERIFY(!r.serial.isEmpty());
    QCOMPARE(view.findChild<QLabel *>(QStringLiteral("signatureSerialLabel"))->text(), r.serial);
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("signatureIssuerLabel"))->text().contains(
        QStringLiteral("TEST JPKI for digital signature")));
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("signatureValidityLabel"))->text().contains(
        r.notAfter.toLocalTime().date().toString(Qt::ISODate)));
    const QString revocation = view.findChild<QLabel *>(QStringLiteral("signatureRevocationLabel"))->text();
    QVERIFY2(revocation.contains(QStringLiteral("CRL crl.pem")), qPrintable(revocation));
    QVERIFY2(revocation.contains(r.verifiedAt.toLocalTime().date().toString(Qt::ISODate)), qPrintable(revocation));
    screenshot(*view.signaturePanel(), QStringLiteral("case-jpki-signature.png")); // whole, not scrolled
}

void TestSignaturePanel::differingAddressIsMarkedNotOnlyByColour()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    auto opened = openAsClerk(f, signedCase(f, m_otherPki, QStringLiteral("ok")));
    QVERIFY(opened);
    CaseView &view = *opened;
    // Held by policy: the signature did not verify to the end, so the method stayed ekyc_face.
    QVERIFY(!view.caseData().record.holdReason.isEmpty());
    const JpkiSignatureResult &r = *view.caseData().verdict->jpkiSignature;
    QCOMPARE(r.status, JpkiStatus::SubjectDiffers);
    auto *result = view.findChild<QLabel *>(QStringLiteral("signatureResultLabel"));
    QVERIFY(result->text().startsWith(QStringLiteral("⚠")));
    QVERIFY(result->text().contains(QStringLiteral("subject_differs")));
    QCOMPARE(view.findChild<QLabel *>(QStringLiteral("signatureReasonLabel"))->text(),
             JpkiSignatureResult::reasonJa(QStringLiteral("subject_differs")));
    QCOMPARE(view.findChild<QLabel *>(QStringLiteral("signatureReasonEnLabel"))->text(),
             JpkiSignatureResult::reasonEn(QStringLiteral("subject_differs")));

    QTableWidget *facts = view.signaturePanel()->factsTable();
    for (int column : {SignaturePanel::CertificateColumn, SignaturePanel::FormColumn, SignaturePanel::RegisterColumn}) {
        QTableWidgetItem *item = facts->item(SignaturePanel::AddressRow, column);
        QVERIFY(item->data(Qt::UserRole).toBool());
        QVERIFY2(item->text().startsWith(QStringLiteral("≠ ")), qPrintable(item->text()));
        QVERIFY(item->font().bold());
        QVERIFY(!item->toolTip().isEmpty());
    }
    QVERIFY(facts->item(SignaturePanel::AddressRow, SignaturePanel::CertificateColumn)->text().contains(QStringLiteral("転居町")));
    for (int row : {SignaturePanel::NameRow, SignaturePanel::DateOfBirthRow, SignaturePanel::GenderRow})
        for (int column = 0; column < facts->columnCount(); ++column)
            QVERIFY(!facts->item(row, column)->data(Qt::UserRole).toBool());
    screenshot(*view.signaturePanel(), QStringLiteral("case-jpki-signature-differs.png"));
}

void TestSignaturePanel::unsignedCaseHasNoPanel()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const qint64 id = signedCase(f, m_pki, QString());
    QVERIFY(id != 0);
    CaseView view(f.store(), f.user(QStringLiteral("clerk1")));
    view.show();
    QVERIFY(open(view, id));
    QVERIFY(!view.caseData().record.signature);
    auto *tabs = view.findChild<QTabWidget *>(QStringLiteral("registerSignatureTabWidget"));
    QVERIFY(!tabs->tabBar()->isVisible());
    QCOMPARE(tabs->count(), 1);
    QVERIFY(view.findChild<QTableWidget *>(QStringLiteral("registerTableWidget"))->isVisible());
    QVERIFY(!view.signaturePanel()->isVisible());
}

void TestSignaturePanel::signedCaseIsIssuedAsAJuminhyoCopy()
{
    // The clerk approves, the supervisor approves the batch, the 住民票の写し is issued and printed
    // with the register's data. MADO_TEST_KEEP_PDF=DIR keeps the PDF for looking at it (pdftoppm).
    test::StoreFixture f;
    QVERIFY(f.ok());
    const qint64 id = signedCase(f, m_pki, QStringLiteral("ok"));
    QVERIFY(id != 0);
    const qint64 clerk = f.user(QStringLiteral("clerk1"));
    CaseWorkflow cases(f.store());
    QVERIFY(cases.claim(clerk, id).ok());
    QVERIFY(cases.decide(clerk, id, {DecisionOutcome::Approved, QString(), QString()}).ok());
    BatchWorkflow batches(f.store());
    auto batch = batches.submit(clerk, {id});
    QVERIFY(batch.ok());
    QVERIFY(batches.approve(f.user(QStringLiteral("sup1")), batch.value(), QString::fromLatin1(test::StoreFixture::kPassword)).ok());
    auto issued = CertificateIssuer(f.store()).issue(clerk, id);
    QVERIFY2(issued.ok(), qPrintable(issued.ok() ? QString() : issued.error().message));
    auto data = CertificateData::load(f.store(), id);
    QVERIFY(data.ok());
    auto html = CertificateTemplate::certificateHtml(data.value(), {});
    QVERIFY(html.ok());
    const QString path = m_dir.filePath(QStringLiteral("juminhyo-jpki.pdf"));
    std::unique_ptr<PdfRenderer> renderer(PdfRenderer::create());
    QCOMPARE(test::renderPdf(*renderer, html.value(), path, PdfRenderer::a4()), path);
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    QVERIFY(pdftotext.waitForFinished(30000) && pdftotext.exitCode() == 0);
    QString text = QString::fromUtf8(pdftotext.readAllStandardOutput());
    text.remove(QRegularExpression(QStringLiteral("\\s")));
    for (const QString &expected : {QStringLiteral("住民票の写し"), QStringLiteral("見本太郎"), QStringLiteral("登録町4-5-6"),
                                    QStringLiteral("昭和55年4月1日"), QStringLiteral("R-0001"), data.value().certificateNumber})
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in: ") + text.left(300)));
}

void TestSignaturePanel::clerksWindowFitsWithTheSignaturePanel_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("ja") << QStringLiteral("ja");
    QTest::newRow("en") << QStringLiteral("en");
}

void TestSignaturePanel::clerksWindowFitsWithTheSignaturePanel()
{
    QFETCH(QString, language);
    QVERIFY(Language::install(language));
    test::StoreFixture f;
    QVERIFY(f.ok());
    const qint64 id = signedCase(f, m_otherPki, QStringLiteral("ok")); // the longer, marked content
    QVERIFY(id != 0);
    auto settings = WorkstationSettings::createForTesting(f.dir() + QStringLiteral("/config"));
    auto session = UserDirectory(f.store()).login(QStringLiteral("clerk1"), QString::fromLatin1(test::StoreFixture::kPassword));
    QVERIFY(session.ok());
    MainWindow window;
    MainWindow::SessionSetup setup;
    setup.settings = settings.get();
    window.startSession(f.store(), session.value(), setup);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *queue = window.findChild<QueueView *>(QStringLiteral("queueView"));
    QVERIFY(queue);
    Q_EMIT queue->caseActivated(id);
    QTRY_VERIFY_WITH_TIMEOUT(window.findChild<SignaturePanel *>(QStringLiteral("signaturePanel"))->isVisible(), kWait);
    // Ward screens: 1366×768 less about 40 px of taskbar (as TestMainWindowSize).
    const QSize minimum = window.minimumSizeHint();
    qInfo("minimum size with the signature panel: %d×%d px", minimum.width(), minimum.height());
    QVERIFY(minimum.width() <= 1366);
    QVERIFY(minimum.height() <= 768 - 40);
    window.resize(1366, 768 - 40);
    QTRY_COMPARE_WITH_TIMEOUT(window.width(), 1366, kWait);
    for (const char *name : {"approveButton", "rejectButton", "nextButton"}) {
        auto *widget = window.findChild<QWidget *>(QString::fromLatin1(name));
        QVERIFY2(widget && widget->isVisible(), name);
        QVERIFY2(widget->visibleRegion().boundingRect().size() == widget->size(), name);
    }
    if (language == QLatin1String("ja"))
        screenshot(window, QStringLiteral("case-jpki-signature-window.png"));
}

QTEST_MAIN(TestSignaturePanel)
#include "TestSignaturePanel.moc"
