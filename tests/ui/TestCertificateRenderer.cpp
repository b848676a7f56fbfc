#include "core/issuance/CertificateData.h"
#include "core/store/CaseStore.h"
#include "core/workflow/ProcedurePolicy.h"
#include "tests/support/StoreFixture.h"
#include "tests/ui/CertificateCases.h"
#include "ui/issuance/CertificateRenderer.h"
#include "ui/issuance/CertificateTemplate.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mado;

// Certificates of real issued cases (real store, real workflow, real register) rendered to PDF by
// Qt WebEngine; the PDF's text is read back with poppler's pdftotext.
class TestCertificateRenderer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void warekiDates_data();
    void warekiDates();
    void valuesAreEscaped();
    void juminhyoCopyPdfShowsNameNumberAndTitle();
    void taxCertificateIsSpecimenOnly();
    void mailingLabelGoesToTheRegisteredAddress();
    void busyRendererRefusesASecondJob();

private:
    qint64 issuedCase(const QString &procedure);
    QString renderPdf(const QString &html, const QString &name, const QPageLayout &layout = CertificateRenderer::a4());
    static QString pdfText(const QString &path);

    QTemporaryDir m_dir;
    std::unique_ptr<test::StoreFixture> m_store;
};

void TestCertificateRenderer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(), "poppler-utils is needed");
}

void TestCertificateRenderer::init()
{
    m_store = std::make_unique<test::StoreFixture>();
    QVERIFY(m_store->ok());
}

void TestCertificateRenderer::cleanup()
{
    m_store.reset();
}

qint64 TestCertificateRenderer::issuedCase(const QString &procedure)
{
    return test::issuedCertificateCase(*m_store, procedure);
}

QString TestCertificateRenderer::renderPdf(const QString &html, const QString &name, const QPageLayout &layout)
{
    CertificateRenderer renderer;
    return test::renderPdf(renderer, html, m_dir.filePath(name), layout);
}

QString TestCertificateRenderer::pdfText(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return QString();
    // pdftotext may space out CJK glyphs; compare without white space.
    QString text = QString::fromUtf8(process.readAllStandardOutput());
    text.remove(QRegularExpression(QStringLiteral("\\s")));
    return text;
}

void TestCertificateRenderer::warekiDates_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("expected");
    QTest::addRow("reiwa") << QDate(2026, 11, 20) << QStringLiteral("令和8年11月20日");
    QTest::addRow("reiwa gannen") << QDate(2019, 5, 1) << QStringLiteral("令和元年5月1日");
    QTest::addRow("last heisei day") << QDate(2019, 4, 30) << QStringLiteral("平成31年4月30日");
    QTest::addRow("showa") << QDate(1980, 4, 1) << QStringLiteral("昭和55年4月1日");
    QTest::addRow("first heisei day") << QDate(1989, 1, 8) << QStringLiteral("平成元年1月8日");
    QTest::addRow("last showa day") << QDate(1989, 1, 7) << QStringLiteral("昭和64年1月7日");
}

void TestCertificateRenderer::warekiDates()
{
    QFETCH(QDate, date);
    QFETCH(QString, expected);
    QCOMPARE(CertificateTemplate::warekiDate(date), expected);
}

void TestCertificateRenderer::valuesAreEscaped()
{
    const QString out = CertificateTemplate::fill(QStringLiteral("<p>{{name}}</p>{{raw}}{{missing}}"),
                                                  {{QStringLiteral("name"), QStringLiteral("<b>&")}},
                                                  {{QStringLiteral("raw"), QStringLiteral("<hr>")}});
    QCOMPARE(out, QStringLiteral("<p>&lt;b&gt;&amp;</p><hr>"));
}

void TestCertificateRenderer::juminhyoCopyPdfShowsNameNumberAndTitle()
{
    const qint64 caseId = issuedCase(QStringLiteral("juminhyo_copy"));
    QVERIFY(caseId > 0);
    auto data = CertificateData::load(m_store->store(), caseId);
    QVERIFY2(data.ok(), qPrintable(data.ok() ? QString() : data.error().message));
    QCOMPARE(data.value().name, QStringLiteral("見本 太郎"));
    QVERIFY(!data.value().certificateNumber.isEmpty());
    auto html = CertificateTemplate::certificateHtml(data.value(), {});
    QVERIFY(html.ok());
    const QString pdf = renderPdf(html.value(), QStringLiteral("juminhyo.pdf"));
    QVERIFY(!pdf.isEmpty());
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    const QString text = pdfText(pdf);
    QVERIFY2(text.contains(QStringLiteral("住民票の写し")), qPrintable(text.left(400)));
    QVERIFY(text.contains(QStringLiteral("見本太郎")));
    QVERIFY(text.contains(data.value().certificateNumber));
    QVERIFY(text.contains(QStringLiteral("SPECIMEN")));
    QVERIFY(text.contains(QStringLiteral("登録町4-5-6")));
    QVERIFY(text.contains(QStringLiteral("昭和55年4月1日")));
}

void TestCertificateRenderer::taxCertificateIsSpecimenOnly()
{
    const qint64 caseId = issuedCase(QStringLiteral("tax_certificate"));
    QVERIFY(caseId > 0);
    auto data = CertificateData::load(m_store->store(), caseId);
    QVERIFY(data.ok());
    CertificateTemplate::Options real;
    real.specimen = false;
    QVERIFY(!CertificateTemplate::certificateHtml(data.value(), real).ok());
    auto html = CertificateTemplate::certificateHtml(data.value(), {});
    QVERIFY(html.ok());
    const QString text = pdfText(renderPdf(html.value(), QStringLiteral("tax.pdf")));
    QVERIFY2(text.contains(QStringLiteral("課税証明書")), qPrintable(text.left(400)));
    QVERIFY(text.contains(data.value().certificateNumber));
    QVERIFY(text.contains(QStringLiteral("見本")));
}

void TestCertificateRenderer::mailingLabelGoesToTheRegisteredAddress()
{
    const qint64 caseId = issuedCase(QStringLiteral("tax_certificate"));
    QVERIFY(caseId > 0);
    auto data = CertificateData::load(m_store->store(), caseId);
    QVERIFY(data.ok());
    auto form = m_store->store().viewCase(m_store->user(QStringLiteral("clerk1")), caseId);
    QVERIFY(form.ok());
    const QString formLine = form.value().applicant->address.line;
    QVERIFY(formLine != data.value().mailTo.line); // the fixture's form address differs from the register
    auto html = CertificateTemplate::mailingLabelHtml(data.value(), {});
    QVERIFY(html.ok());
    QVERIFY(!html.value().contains(formLine.toHtmlEscaped()));
    const QString text = pdfText(renderPdf(html.value(), QStringLiteral("label.pdf"), CertificateRenderer::label()));
    QVERIFY2(text.contains(QStringLiteral("登録町4-5-6")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("100-0002")));
    QVERIFY(text.contains(QStringLiteral("見本太郎様")));
    QVERIFY(!text.contains(QString(formLine).remove(QLatin1Char(' '))));
}

void TestCertificateRenderer::busyRendererRefusesASecondJob()
{
    CertificateRenderer renderer;
    QSignalSpy finished(&renderer, &CertificateRenderer::finished);
    QVERIFY(renderer.render(QStringLiteral("<p>一</p>"), m_dir.filePath(QStringLiteral("one.pdf"))));
    QVERIFY(renderer.isBusy());
    QVERIFY(!renderer.render(QStringLiteral("<p>二</p>"), m_dir.filePath(QStringLiteral("two.pdf"))));
    QVERIFY(finished.wait(60000));
    QVERIFY(!renderer.isBusy());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("two.pdf"))));
}

int main(int argc, char *argv[])
{
    // WebEngine: offscreen, no GPU; the sandbox cannot run as root in CI containers.
    qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    if (qEnvironmentVariableIsEmpty("QTWEBENGINE_CHROMIUM_FLAGS"))
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestCertificateRenderer test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestCertificateRenderer.moc"
