#pragma once

#include "ui/issuance/PdfRenderer.h"

class QWebEnginePage;
class QWebEngineProfile;

namespace mado {

// The Qt WebEngine PdfRenderer (builds with MADO_PDF_RENDERER=webengine): turns certificate HTML
// into a PDF file with Qt WebEngine: loads the HTML into an off-screen
// QWebEnginePage of an off-the-record profile (no disk cache or cookies, since the page holds
// personal data; JavaScript and remote content off) and prints it with printToPdf. Asynchronous:
// render() returns at once and finished(path) or failed(error) follows. One render at a time per
// renderer (render() returns false while busy). GUI thread only (WebEngine's rule).
class CertificateRenderer : public PdfRenderer {
    Q_OBJECT

public:
    explicit CertificateRenderer(QObject *parent = nullptr);
    ~CertificateRenderer() override;

    bool render(const QString &html, const QString &pdfPath, const QPageLayout &layout = a4()) override;
    bool isBusy() const override { return m_busy; }

private:
    void loaded(bool ok);
    void printed(const QString &path, bool ok);

    QWebEngineProfile *m_profile = nullptr;
    QWebEnginePage *m_page = nullptr;
    QString m_path;
    QPageLayout m_layout;
    bool m_busy = false;
};

} // namespace mado
