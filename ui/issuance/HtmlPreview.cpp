#include "ui/issuance/HtmlPreview.h"

#include <QUrl>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineSettings>

namespace mado {

HtmlPreview::HtmlPreview(QWidget *parent) : QWebEngineView(parent)
{
    m_profile = new QWebEngineProfile(this); // no storage name: off the record
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    auto *page = new QWebEnginePage(m_profile, this);
    QWebEngineSettings *settings = page->settings();
    settings->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    setPage(page);
    setContextMenuPolicy(Qt::NoContextMenu);
    connect(page, &QWebEnginePage::loadFinished, this, &HtmlPreview::loaded);
}

HtmlPreview::~HtmlPreview()
{
    // The page must go before its profile.
    delete page();
}

void HtmlPreview::showHtml(const QString &html)
{
    m_html = html;
    page()->setHtml(html, QUrl(QStringLiteral("about:blank")));
}

} // namespace mado
