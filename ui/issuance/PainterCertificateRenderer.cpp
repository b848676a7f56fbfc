#include "ui/issuance/PainterCertificateRenderer.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QFont>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTextDocument>
#include <QTimer>

namespace mado {

namespace {

// The watermark's text, place and look: the templates' `.specimen` rule (top 38 %, 64 pt bold,
// rgba(200, 0, 0, 0.28), rotated by -24 degrees).
const char *const kWatermarkText = "見本 SPECIMEN";
constexpr qreal kWatermarkTop = 0.38;
constexpr qreal kWatermarkPoints = 64;
constexpr qreal kWatermarkAngle = -24;

QFont certificateFont()
{
    QFont font(QStringLiteral("IPAGothic"));
    font.setFamilies({QStringLiteral("IPAGothic"), QStringLiteral("IPAPGothic"), QStringLiteral("Noto Sans CJK JP"),
                      QStringLiteral("Yu Gothic"), QStringLiteral("MS Gothic")});
    font.setPointSizeF(11);
    return font;
}

} // namespace

PainterCertificateRenderer::PainterCertificateRenderer(QObject *parent) : PdfRenderer(parent) {}

QString PainterCertificateRenderer::adaptHtml(const QString &html, bool *hadWatermark)
{
    static const QRegularExpression watermark(QStringLiteral("<div class=\"specimen\">[^<]*</div>"));
    static const QRegularExpression band(QStringLiteral("<div class=\"specimen-band\">([^<]*)</div>"));
    static const QRegularExpression style(QStringLiteral("<style>.*</style>"),
                                          QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression millimetres(QStringLiteral("(\\d+(?:\\.\\d+)?)mm\\b"));
    QString out = html;
    const qsizetype before = out.size();
    out.remove(watermark);
    if (hadWatermark)
        *hadWatermark = out.size() != before;
    // Borders and widths QTextDocument draws on tables only: the band becomes a one-cell table,
    // the tables span the page and their borders collapse.
    out.replace(band, QStringLiteral("<table class=\"specimen-band\" width=\"100%\" border=\"1\" cellspacing=\"0\" "
                                     "cellpadding=\"4\" bordercolor=\"#cc0000\"><tr><td align=\"center\">"
                                     "<b>\\1</b></td></tr></table>"));
    out.replace(QStringLiteral("<table>"), QStringLiteral("<table width=\"100%\" cellspacing=\"0\">"));
    // QTextDocument's CSS has no mm; px are 1/96 inch there (scaled to the PDF's resolution).
    const QRegularExpressionMatch sheet = style.match(out);
    if (!sheet.hasMatch())
        return out;
    QString css = sheet.captured(0);
    QString converted;
    qsizetype last = 0;
    auto it = millimetres.globalMatch(css);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        converted += QStringView(css).mid(last, m.capturedStart() - last);
        converted += QString::number(qRound(m.captured(1).toDouble() * 96.0 / 25.4)) + QStringLiteral("px");
        last = m.capturedEnd();
    }
    converted += QStringView(css).mid(last);
    return out.replace(sheet.capturedStart(), sheet.capturedLength(), converted);
}

bool PainterCertificateRenderer::render(const QString &html, const QString &pdfPath, const QPageLayout &layout)
{
    if (m_busy)
        return false;
    m_busy = true;
    const Status written = write(html, pdfPath, layout);
    // Like the WebEngine renderer: the outcome arrives from the event loop, never inside render().
    QTimer::singleShot(0, this, [this, written, pdfPath] {
        m_busy = false;
        if (written)
            Q_EMIT finished(pdfPath);
        else
            Q_EMIT failed(written.error());
    });
    return true;
}

Status PainterCertificateRenderer::write(const QString &html, const QString &pdfPath, const QPageLayout &layout)
{
    bool watermark = false;
    const QString adapted = adaptHtml(html, &watermark);
    {
        QPdfWriter writer(pdfPath);
        writer.setResolution(300);
        writer.setCreator(QStringLiteral("Madoguchi"));
        if (!writer.setPageLayout(layout))
            return Error{ErrorCode::InvalidArgument, QStringLiteral("the page layout was refused")};
        QPainter painter;
        if (!painter.begin(&writer))
            return Error{ErrorCode::Io, QStringLiteral("the PDF could not be written")};
        const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
        const QRectF full = writer.pageLayout().fullRectPixels(writer.resolution());

        QTextDocument document;
        document.documentLayout()->setPaintDevice(&writer);
        document.setDefaultFont(certificateFont());
        document.setDocumentMargin(0);
        document.setHtml(adapted);
        document.setTextWidth(page.width());
        const QSizeF size = document.size();
        // One page always: a page that would overflow is scaled down (long addresses, large names).
        const qreal scale = size.height() > page.height() ? page.height() / size.height() : 1.0;
        painter.save();
        painter.scale(scale, scale);
        document.drawContents(&painter, QRectF(QPointF(0, 0), QSizeF(page.width() / scale, page.height() / scale)));
        painter.restore();
        if (watermark) {
            // The painter's origin is the printable area's corner; the watermark is placed on the sheet.
            painter.translate(-(page.left() - full.left()), -(page.top() - full.top()));
            paintWatermark(painter, full);
        }
        if (!painter.end())
            return Error{ErrorCode::Io, QStringLiteral("the PDF could not be written")};
    }
    if (!QFile::exists(pdfPath) || QFile(pdfPath).size() == 0)
        return Error{ErrorCode::Io, QStringLiteral("the PDF could not be written")};
    return {};
}

void PainterCertificateRenderer::paintWatermark(QPainter &painter, const QRectF &page)
{
    QFont font = certificateFont();
    font.setPointSizeF(kWatermarkPoints);
    font.setBold(true);
    painter.save();
    painter.setFont(font);
    painter.setPen(QColor(200, 0, 0, qRound(0.28 * 255)));
    const QString text = QString::fromUtf8(kWatermarkText);
    const QFontMetricsF metrics(font, painter.device());
    const QPointF centre(page.center().x(), page.top() + page.height() * kWatermarkTop + metrics.height() / 2);
    painter.translate(centre);
    painter.rotate(kWatermarkAngle);
    const qreal width = metrics.horizontalAdvance(text);
    painter.drawText(QPointF(-width / 2, metrics.ascent() / 2), text);
    painter.restore();
}

} // namespace mado
