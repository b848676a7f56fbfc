#include "core/issuance/CertificateData.h"
#include "core/store/CaseStore.h"
#include "core/workflow/ProcedurePolicy.h"
#include "tests/support/StoreFixture.h"
#include "ui/issuance/CertificateTemplate.h"
#include "ui/issuance/PainterCertificateRenderer.h"
#ifdef MADO_HAVE_WEBENGINE
#include "ui/issuance/CertificateRenderer.h"
#endif

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

// The QPdfWriter renderer on the certificates of real issued cases (real store, workflow and
// register): one page of the template's size, the template's text (read back with poppler's
// pdftotext and pdfinfo), and, in builds with Qt WebEngine, the same text as the WebEngine
// renderer's PDF of the same HTML. MADO_TEST_KEEP_PDF=DIR keeps the PDFs for looking at them.
class TestPainterRenderer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void adaptHtmlTakesOutTheWatermarkAndMillimetres();
    void templates_data();
    void templates();
    void busyRendererRefusesASecondJob();
    void unwritablePathFails();

private:
    qint64 issuedCase(const QString &procedure);
    QString renderWith(PdfRenderer &renderer, const QString &html, const QString &name, const QPageLayout &layout);
    static QString run(const QString &program, const QStringList &arguments);
    static QString pdfText(const QString &path);
    static bool pageSizeIs(const QString &pdfInfo, const QSizeF &millimetres);

    QTemporaryDir m_dir;
    std::unique_ptr<test::StoreFixture> m_store;
};

void TestPainterRenderer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(), "poppler-utils is needed");
}

void TestPainterRenderer::init()
{
    m_store = std::make_unique<test::StoreFixture>();
    QVERIFY(m_store->ok());
}

void TestPainterRenderer::cleanup()
{
    m_store.reset();
}

qint64 TestPainterRenderer::issuedCase(const QString &procedure)
{
    if (procedure == QLatin1String("juminhyo_copy")) {
        // The shipped policy holds eKYC-face applications for 住民票; this ward's admin accepts them.
        auto db = m_store->store().connections().database();
        auto current = ProcedurePolicy::current(db.value(), procedure);
        if (!current.ok())
            return 0;
        Procedure changed = current.value();
        changed.acceptedMethods << QStringLiteral("ekyc_face");
        changed.validFrom = QDate(2026, 1, 1);
        if (!ProcedurePolicy::change(m_store->store(), m_store->user(QStringLiteral("admin")), changed).ok())
            return 0;
    }
    return m_store->caseIn(CaseState::Issued, procedure);
}

QString TestPainterRenderer::renderWith(PdfRenderer &renderer, const QString &html, const QString &name,
                                        const QPageLayout &layout)
{
    QSignalSpy finished(&renderer, &PdfRenderer::finished);
    QSignalSpy failed(&renderer, &PdfRenderer::failed);
    const QString path = m_dir.filePath(name);
    if (!renderer.render(html, path, layout))
        return QString();
    if (!finished.wait(60000) && finished.isEmpty()) {
        qWarning() << "no PDF; failures:" << failed.count();
        return QString();
    }
    const QString written = finished.at(0).at(0).toString();
    if (const QString keep = qEnvironmentVariable("MADO_TEST_KEEP_PDF"); !keep.isEmpty()) {
        QFile::remove(QDir(keep).filePath(name));
        QFile::copy(written, QDir(keep).filePath(name));
    }
    return written;
}

QString TestPainterRenderer::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return QString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString TestPainterRenderer::pdfText(const QString &path)
{
    // -raw: the text in the order it was drawn, so the rotated watermark stays one word.
    return run(QStringLiteral("pdftotext"),
               {QStringLiteral("-raw"), QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
}

// pdfinfo's "Page size: W x H pts", within a point of the size in mm.
bool TestPainterRenderer::pageSizeIs(const QString &pdfInfo, const QSizeF &millimetres)
{
    static const QRegularExpression size(QStringLiteral("Page size:\\s+([0-9.]+) x ([0-9.]+) pts"));
    const QRegularExpressionMatch m = size.match(pdfInfo);
    if (!m.hasMatch())
        return false;
    const qreal points = 72.0 / 25.4;
    return qAbs(m.captured(1).toDouble() - millimetres.width() * points) < 1.0 &&
           qAbs(m.captured(2).toDouble() - millimetres.height() * points) < 1.0;
}

void TestPainterRenderer::adaptHtmlTakesOutTheWatermarkAndMillimetres()
{
    bool watermark = false;
    const QString out = PainterCertificateRenderer::adaptHtml(
        QStringLiteral("<style>h1 { margin: 8mm 0 2.5mm; }</style><div class=\"specimen\">見本 SPECIMEN</div><p>4mm先</p>"),
        &watermark);
    QVERIFY(watermark);
    QCOMPARE(out, QStringLiteral("<style>h1 { margin: 30px 0 9px; }</style><p>4mm先</p>")); // text is text
    PainterCertificateRenderer::adaptHtml(QStringLiteral("<p>見本</p>"), &watermark);
    QVERIFY(!watermark);
}

void TestPainterRenderer::templates_data()
{
    QTest::addColumn<QString>("procedure");
    QTest::addColumn<bool>("label");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QSizeF>("pageSize"); // in mm
    QTest::addRow("juminhyo") << QStringLiteral("juminhyo_copy") << false << QStringLiteral("住民票の写し")
                              << QSizeF(210, 297);
    QTest::addRow("tax") << QStringLiteral("tax_certificate") << false << QStringLiteral("課税証明書")
                         << QSizeF(210, 297);
    QTest::addRow("label") << QStringLiteral("tax_certificate") << true << QStringLiteral("見本太郎様")
                           << QSizeF(148, 100);
}

void TestPainterRenderer::templates()
{
    QFETCH(QString, procedure);
    QFETCH(bool, label);
    QFETCH(QString, title);
    QFETCH(QSizeF, pageSize);
    const qint64 caseId = issuedCase(procedure);
    QVERIFY(caseId > 0);
    auto data = CertificateData::load(m_store->store(), caseId);
    QVERIFY(data.ok());
    auto html = label ? CertificateTemplate::mailingLabelHtml(data.value(), {})
                      : CertificateTemplate::certificateHtml(data.value(), {});
    QVERIFY(html.ok());
    const QPageLayout layout = label ? PdfRenderer::label() : PdfRenderer::a4();
    const QString tag = QString::fromLatin1(QTest::currentDataTag());

    PainterCertificateRenderer painter;
    const QString painted = renderWith(painter, html.value(), tag + QStringLiteral("-painter.pdf"), layout);
    QVERIFY(!painted.isEmpty());
    const QString info = run(QStringLiteral("pdfinfo"), {painted});
    QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))), qPrintable(info));
    QVERIFY2(pageSizeIs(info, pageSize), qPrintable(info));
    const QString text = pdfText(painted);
    QString flat = text;
    flat.remove(QRegularExpression(QStringLiteral("\\s")));
    QVERIFY2(flat.contains(title), qPrintable(flat));
    QVERIFY(flat.contains(data.value().certificateNumber));
    QVERIFY(flat.contains(QStringLiteral("登録町4-5-6")));
    QVERIFY(flat.contains(QStringLiteral("見本")));
    if (!label) {
        QVERIFY(flat.contains(QStringLiteral("見本SPECIMEN"))); // the watermark
        QVERIFY(flat.contains(QStringLiteral("昭和55年4月1日")));
    }

#ifdef MADO_HAVE_WEBENGINE
    CertificateRenderer webEngine;
    const QString printed = renderWith(webEngine, html.value(), tag + QStringLiteral("-webengine.pdf"), layout);
    QVERIFY(!printed.isEmpty());
    const QString webInfo = run(QStringLiteral("pdfinfo"), {printed});
    QVERIFY2(webInfo.contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))), qPrintable(webInfo));
    QVERIFY2(pageSizeIs(webInfo, pageSize), qPrintable(webInfo));
    QString webFlat = pdfText(printed);
    webFlat.remove(QRegularExpression(QStringLiteral("\\s")));
    QCOMPARE(flat, webFlat);
#endif
}

void TestPainterRenderer::busyRendererRefusesASecondJob()
{
    PainterCertificateRenderer renderer;
    QSignalSpy finished(&renderer, &PdfRenderer::finished);
    QVERIFY(renderer.render(QStringLiteral("<p>一</p>"), m_dir.filePath(QStringLiteral("one.pdf"))));
    QVERIFY(renderer.isBusy());
    QVERIFY(finished.isEmpty()); // announced from the event loop, not inside render()
    QVERIFY(!renderer.render(QStringLiteral("<p>二</p>"), m_dir.filePath(QStringLiteral("two.pdf"))));
    QVERIFY(finished.wait(10000));
    QVERIFY(!renderer.isBusy());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("two.pdf"))));
}

void TestPainterRenderer::unwritablePathFails()
{
    PainterCertificateRenderer renderer;
    QSignalSpy finished(&renderer, &PdfRenderer::finished);
    QSignalSpy failed(&renderer, &PdfRenderer::failed);
    QVERIFY(renderer.render(QStringLiteral("<p>一</p>"), m_dir.filePath(QStringLiteral("missing/dir/one.pdf"))));
    QVERIFY(failed.wait(10000));
    QVERIFY(finished.isEmpty());
    QCOMPARE(failed.at(0).at(0).value<Error>().code, ErrorCode::Io);
}

int main(int argc, char *argv[])
{
    // WebEngine (the comparison): offscreen, no GPU; the sandbox cannot run as root in CI containers.
    qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    if (qEnvironmentVariableIsEmpty("QTWEBENGINE_CHROMIUM_FLAGS"))
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestPainterRenderer test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestPainterRenderer.moc"
