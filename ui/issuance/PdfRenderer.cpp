#include "ui/issuance/PdfRenderer.h"

#include "ui/issuance/PainterCertificateRenderer.h"
#ifdef MADO_HAVE_WEBENGINE
#include "ui/issuance/CertificateRenderer.h"
#endif

#include <QMarginsF>
#include <QPageSize>
#include <QSizeF>

namespace mado {

PdfRenderer *PdfRenderer::create(QObject *parent)
{
#ifdef MADO_HAVE_WEBENGINE
    return new CertificateRenderer(parent);
#else
    return new PainterCertificateRenderer(parent);
#endif
}

QString PdfRenderer::buildRenderer()
{
#ifdef MADO_HAVE_WEBENGINE
    return QStringLiteral("webengine");
#else
    return QStringLiteral("painter");
#endif
}

QPageLayout PdfRenderer::a4()
{
    return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(16, 16, 16, 16),
                       QPageLayout::Millimeter);
}

QPageLayout PdfRenderer::label()
{
    return QPageLayout(QPageSize(QSizeF(100, 148), QPageSize::Millimeter, QStringLiteral("Label 148x100")),
                       QPageLayout::Landscape, QMarginsF(6, 6, 6, 6), QPageLayout::Millimeter);
}

} // namespace mado
