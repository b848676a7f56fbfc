#pragma once

#include "ui/issuance/PdfRenderer.h"

class QPainter;

namespace mado {

// The QPdfWriter PdfRenderer (builds with MADO_PDF_RENDERER=painter, e.g. Windows/MinGW where Qt
// WebEngine cannot be built; compiled into every build so that a test can compare both): lays the
// same certificate HTML out with QTextDocument and paints it onto one PDF page. QTextDocument knows
// a subset of CSS, so before layout the template's millimetre lengths are turned into pixels and
// the page-fixed, rotated 見本 watermark (CSS it cannot lay out) is taken out of the flow and painted
// by this class instead, in the same place and colour. A page that would not fit is scaled down to
// one page. Renders synchronously inside render(), announces the result from the event loop like
// the WebEngine renderer. Writes nothing but the PDF. GUI thread (QTextDocument needs fonts).
class PainterCertificateRenderer : public PdfRenderer {
    Q_OBJECT

public:
    explicit PainterCertificateRenderer(QObject *parent = nullptr);

    bool render(const QString &html, const QString &pdfPath, const QPageLayout &layout = a4()) override;
    bool isBusy() const override { return m_busy; }

    // The template HTML as QTextDocument gets it: lengths in mm turned into px (at 96 dpi), the
    // watermark element removed. `hadWatermark` tells whether there was one.
    static QString adaptHtml(const QString &html, bool *hadWatermark);

private:
    Status write(const QString &html, const QString &pdfPath, const QPageLayout &layout);
    static void paintWatermark(QPainter &painter, const QRectF &page);

    bool m_busy = false;
};

} // namespace mado
