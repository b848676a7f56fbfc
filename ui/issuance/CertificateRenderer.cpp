#include "ui/issuance/CertificateRenderer.h"

#include <QFile>
#include <QUrl>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineSettings>

namespace mado {

CertificateRenderer::CertificateRenderer(QObject *parent) : PdfRenderer(parent)
{
    m_profile = new QWebEngineProfile(this); // no storage name: off the record
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_page = new QWebEnginePage(m_profile, this);
    QWebEngineSettings *settings = m_page->settings();
    settings->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    settings->setAttribute(QWebEngineSettings::AutoLoadImages, true);
    connect(m_page, &QWebEnginePage::loadFinished, this, &CertificateRenderer::loaded);
    connect(m_page, &QWebEnginePage::pdfPrintingFinished, this, &CertificateRenderer::printed);
}

CertificateRenderer::~CertificateRenderer()
{
    // The page must go before its profile.
    delete m_page;
    m_page = nullptr;
    delete m_profile;
    m_profile = nullptr;
}

bool CertificateRenderer::render(const QString &html, const QString &pdfPath, const QPageLayout &layout)
{
    if (m_busy)
        return false;
    m_busy = true;
    m_path = pdfPath;
    m_layout = layout;
    // A blank base URL of our own scheme: the page can load nothing from disk or network.
    m_page->setHtml(html, QUrl(QStringLiteral("about:blank")));
    return true;
}

void CertificateRenderer::loaded(bool ok)
{
    if (!m_busy)
        return;
    if (!ok) {
        m_busy = false;
        Q_EMIT failed(Error{ErrorCode::Internal, QStringLiteral("the certificate page did not load")});
        return;
    }
    m_page->printToPdf(m_path, m_layout);
}

void CertificateRenderer::printed(const QString &path, bool ok)
{
    if (!m_busy)
        return;
    m_busy = false;
    if (!ok || !QFile::exists(path)) {
        Q_EMIT failed(Error{ErrorCode::Io, QStringLiteral("the PDF could not be written")});
        return;
    }
    Q_EMIT finished(path);
}

} // namespace mado
