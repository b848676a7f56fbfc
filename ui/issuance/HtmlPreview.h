#pragma once

#ifdef MADO_HAVE_WEBENGINE
#include <QWebEngineView>
class QWebEngineProfile;
#else
#include <QTextBrowser>
#endif

namespace mado {

// A read-only view of certificate HTML that holds personal data. With Qt WebEngine
// (MADO_PDF_RENDERER=webengine) a QWebEngineView whose page belongs to an off-the-record profile of
// its own (no disk cache, no cookies), JavaScript and remote content off; without it
// (MADO_PDF_RENDERER=painter) a QTextBrowser showing the HTML the way the painter renderer lays it
// out (links and remote resources not followed). loaded() follows every showHtml(). GUI thread only.
#ifdef MADO_HAVE_WEBENGINE
class HtmlPreview : public QWebEngineView {
#else
class HtmlPreview : public QTextBrowser {
#endif
    Q_OBJECT

public:
    explicit HtmlPreview(QWidget *parent = nullptr);
    ~HtmlPreview() override;

    void showHtml(const QString &html);
    const QString &html() const { return m_html; }

Q_SIGNALS:
    void loaded(bool ok);

private:
#ifdef MADO_HAVE_WEBENGINE
    QWebEngineProfile *m_profile = nullptr;
#endif
    QString m_html;
};

} // namespace mado
