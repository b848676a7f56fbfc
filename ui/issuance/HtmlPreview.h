#pragma once

#include <QWebEngineView>

class QWebEngineProfile;

namespace mado {

// A read-only Qt WebEngine view for certificate HTML that holds personal data: its page belongs to
// an off-the-record profile of its own (no disk cache, no cookies), JavaScript and remote content
// are off. loaded() follows every showHtml(). GUI thread only.
class HtmlPreview : public QWebEngineView {
    Q_OBJECT

public:
    explicit HtmlPreview(QWidget *parent = nullptr);
    ~HtmlPreview() override;

    void showHtml(const QString &html);
    const QString &html() const { return m_html; }

Q_SIGNALS:
    void loaded(bool ok);

private:
    QWebEngineProfile *m_profile = nullptr;
    QString m_html;
};

} // namespace mado
