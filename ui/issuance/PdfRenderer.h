#pragma once

#include "core/domain/Result.h"

#include <QObject>
#include <QPageLayout>
#include <QString>

namespace mado {

// What the issuance page asks of a certificate PDF renderer: turn the filled certificate or label
// HTML (CertificateTemplate) into a one-page PDF of the given layout. Asynchronous: render()
// returns at once (false while an earlier job runs) and finished(path) or failed(error) follows
// from the event loop. Two implementations: CertificateRenderer (Qt WebEngine) and
// PainterCertificateRenderer (QPdfWriter, for builds without WebEngine); create() returns the one
// chosen at build time with the CMake option MADO_PDF_RENDERER. GUI thread only.
class PdfRenderer : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    // The build's renderer (MADO_PDF_RENDERER: webengine or painter), owned by `parent`.
    static PdfRenderer *create(QObject *parent = nullptr);
    // "webengine" or "painter".
    static QString buildRenderer();

    virtual bool render(const QString &html, const QString &pdfPath, const QPageLayout &layout = a4()) = 0;
    virtual bool isBusy() const = 0;

    static QPageLayout a4();    // A4 portrait, 16 mm margins
    static QPageLayout label(); // 148 x 100 mm, 6 mm margins

Q_SIGNALS:
    void finished(const QString &pdfPath);
    void failed(const mado::Error &error);
};

} // namespace mado
