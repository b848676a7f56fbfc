// HtmlPreview without Qt WebEngine (MADO_PDF_RENDERER=painter): a QTextBrowser.
#include "ui/issuance/HtmlPreview.h"

#include "ui/issuance/PainterCertificateRenderer.h"

#include <QTimer>

namespace mado {

HtmlPreview::HtmlPreview(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setContextMenuPolicy(Qt::NoContextMenu);
}

HtmlPreview::~HtmlPreview() = default;

void HtmlPreview::showHtml(const QString &html)
{
    m_html = html;
    setHtml(PainterCertificateRenderer::adaptHtml(html, nullptr));
    // Like the WebEngine view: loaded() comes from the event loop, after showHtml() returned.
    QTimer::singleShot(0, this, [this] { Q_EMIT loaded(true); });
}

} // namespace mado
