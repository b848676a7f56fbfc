#pragma once

#include "core/domain/Result.h"

#include <QObject>
#include <QPageLayout>
#include <QString>

class QWebEnginePage;
class QWebEngineProfile;

namespace mado {

// Turns certificate HTML into a PDF file with Qt WebEngine: loads the HTML into an off-screen
// QWebEnginePage of an off-the-record profile (no disk cache or cookies, since the page holds
// personal data; JavaScript and remote content off) and prints it with printToPdf. Asynchronous:
// render() returns at once and finished(path) or failed(error) follows. One render at a time per
// renderer (render() returns false while busy). GUI thread only (WebEngine's rule).
class CertificateRenderer : public QObject {
    Q_OBJECT

public:
    explicit CertificateRenderer(QObject *parent = nullptr);
    ~CertificateRenderer() override;

    bool render(const QString &html, const QString &pdfPath, const QPageLayout &layout = a4());
    bool isBusy() const { return m_busy; }

    static QPageLayout a4();
    static QPageLayout label(); // 148 x 100 mm

Q_SIGNALS:
    void finished(const QString &pdfPath);
    void failed(const mado::Error &error);

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
