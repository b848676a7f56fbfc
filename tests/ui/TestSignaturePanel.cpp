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
#include <QGroupBox>
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
    f.clock().set(QDateTime::currentDateTimeUtc());
    JpkiConfig config;
    config.trustAnchors = QDir(pki).filePath(QStringLiteral("root.pem"));
    config.crls = QDir(pki).filePath(QStringLiteral("crl.pem"));
    if (!JpkiSettings::write(f.store(), f.user(QStringLiteral("admin")), config))
        return 0;
    Importer::Fetched fetched;
    fetched.bundle = f.bundle(QStringLiteral("juminhyo_copy"));
    CaseBundle &b = fetched.bundle;
    const QDateTime issued = QDateTime::currentDateTimeUtc().addSecs(-120);
    b.challenge.issuedAt = issued;
    b.challenge.expiresAt = issued.addSecs(600);
    for (std::size_t i = 0; i < b.frames.size(); ++i)
        b.frames[i].capturedAt = issued.addSecs(10 + qint64(i));
    b.receivedAt = issued.addSecs(60);
    b.applicant.address = PostalAddress{QStringLiteral("100-0002"), QStringLiteral("東京都"), QStringLiteral("見本区"),
                                        QStringLiteral("登録町4-5-6")};
    if (!signer.isEmpty()) {
        const QByteArray canonical = CanonicalManifest::bytes(b.toJson()).value();
        const QByteArray cms = test::TestPki::sign(pki, signer, canonical);
        if (cms.isEmpty())
            return 0;
        b.signature = BundleSignature{QStringLiteral("signature.p7s"),
                                      QString::fromLatin1(QCryptographicHash::hash(cms, QCryptographicHash::Sha256).toHex()),
                                      cms, canonical};
    }
    auto image = ImageSanitizer().sanitize(test::faceFreeJpeg(640, 400), QStringLiteral("document_front"));
    if (!image)
        return 0;
    fetched.images.push_back(image.value());
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
    const qint64 id = signedCase(f, m_pki, QStringLiteral("ok"));
    QVERIFY(id != 0);
    CaseView view(f.store(), f.user(QStringLiteral("clerk1")));
    view.resize(1366, 680);
    view.show();
    QVERIFY(open(view, id));
    QCOMPARE(view.caseData().record.identityMethod, QStringLiteral("jpki_signature"));
    auto *box = view.findChild<QGroupBox *>(QStringLiteral("signatureGroupBox"));
    QVERIFY(box && box->isVisible());
    auto *result = view.findChild<QLabel *>(QStringLiteral("signatureResultLabel"));
    QVERIFY(result->text().startsWith(QStringLiteral("✓")));
    const QString reason = view.findChild<QLabel *>(QStringLiteral("signatureReasonLabel"))->text();
    QVERIFY(reason.contains(JpkiSignatureResult::reasonJa(QStringLiteral("ok"))));
    QVERIFY(reason.contains(JpkiSignatureResult::reasonEn(QStringLiteral("ok"))));

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
    screenshot(view, QStringLiteral("case-jpki-signature.png"));
}

void TestSignaturePanel::differingAddressIsMarkedNotOnlyByColour()
{
    test::StoreFixture f;
    QVERIFY(f.ok());
    const qint64 id = signedCase(f, m_otherPki, QStringLiteral("ok"));
    QVERIFY(id != 0);
    CaseView view(f.store(), f.user(QStringLiteral("clerk1")));
    view.resize(1366, 680);
    view.show();
    QVERIFY(open(view, id));
    // Held by policy: the signature did not verify to the end, so the method stayed ekyc_face.
    QVERIFY(!view.caseData().record.holdReason.isEmpty());
    const JpkiSignatureResult &r = *view.caseData().verdict->jpkiSignature;
    QCOMPARE(r.status, JpkiStatus::SubjectDiffers);
    auto *result = view.findChild<QLabel *>(QStringLiteral("signatureResultLabel"));
    QVERIFY(result->text().startsWith(QStringLiteral("⚠")));
    QVERIFY(result->text().contains(QStringLiteral("subject_differs")));
    const QString reason = view.findChild<QLabel *>(QStringLiteral("signatureReasonLabel"))->text();
    QVERIFY(reason.contains(JpkiSignatureResult::reasonJa(QStringLiteral("subject_differs"))));
    QVERIFY(reason.contains(JpkiSignatureResult::reasonEn(QStringLiteral("subject_differs"))));

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
    screenshot(view, QStringLiteral("case-jpki-signature-differs.png"));
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
    QVERIFY(!view.findChild<QGroupBox *>(QStringLiteral("signatureGroupBox"))->isVisible());
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
    QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QGroupBox *>(QStringLiteral("signatureGroupBox"))->isVisible(), kWait);
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
