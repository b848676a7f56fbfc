#include "core/receiver/api/StaticFileHandler.h"

#include "core/receiver/http/JsonResponse.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringList>

#include <array>
#include <utility>

namespace mado {

namespace {

using Poco::Net::HTTPResponse;

const std::array<std::pair<const char *, const char *>, 10> kTypes{{
    {"html", "text/html; charset=utf-8"},
    {"js", "text/javascript; charset=utf-8"},
    {"css", "text/css; charset=utf-8"},
    {"png", "image/png"},
    {"svg", "image/svg+xml"},
    {"json", "application/json; charset=utf-8"},
    {"woff2", "font/woff2"},
    {"webmanifest", "application/manifest+json"},
    {"ico", "image/x-icon"},
    // The selfie's face detector weights (tiny_face_detector_model-HASH.bin), fetched by the page.
    {"bin", "application/octet-stream"},
}};

const char *contentType(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    for (const auto &[extension, type] : kTypes)
        if (suffix == QLatin1String(extension))
            return type;
    return nullptr;
}

void setCommonHeaders(Poco::Net::HTTPServerResponse &response)
{
    response.set("Content-Security-Policy", StaticFileHandler::contentSecurityPolicy());
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Referrer-Policy", "no-referrer");
    response.set("Cross-Origin-Opener-Policy", "same-origin");
    response.set("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
}

void notFound(Poco::Net::HTTPServerResponse &response)
{
    setCommonHeaders(response);
    JsonResponse::sendError(response, HTTPResponse::HTTP_NOT_FOUND, QStringLiteral("not_found"),
                            QStringLiteral("no such file"));
}

} // namespace

const char *StaticFileHandler::contentSecurityPolicy()
{
    // LINE's SDK origins: the SDK's own scripts and its API calls (liff.init, getIDToken).
    return "default-src 'none'; script-src 'self' https://static.line-scdn.net; "
           "connect-src 'self' https://api.line.me https://liffsdk.line-scdn.net https://access.line.me; "
           "style-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; font-src 'self'; "
           "manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";
}

QString StaticFileHandler::resolve(const QString &root, const std::string &target)
{
    if (root.isEmpty())
        return QString();
    // Encoded separators and NUL never name a file here; refuse them before decoding.
    const std::string raw = Poco::toLower(target.substr(0, target.find_first_of("?#")));
    for (const char *encoded : {"%2f", "%5c", "%00", "%25"})
        if (raw.find(encoded) != std::string::npos)
            return QString();
    std::string decoded;
    try {
        decoded = Poco::URI(target).getPath();
    } catch (const Poco::Exception &) {
        return QString();
    }
    const std::string prefix = std::string(kPrefix) + '/';
    if (decoded.compare(0, prefix.size(), prefix) != 0)
        return QString();
    QString relative = QString::fromUtf8(decoded.substr(prefix.size()));
    if (relative.isEmpty())
        relative = QStringLiteral("index.html");
    static const QRegularExpression segmentPattern(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$"));
    const QStringList segments = relative.split(QLatin1Char('/'));
    if (segments.size() > 4)
        return QString();
    for (const QString &segment : segments)
        if (!segmentPattern.match(segment).hasMatch() || segment.contains(QStringLiteral("..")))
            return QString();
    const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
    if (canonicalRoot.isEmpty())
        return QString();
    const QFileInfo file(canonicalRoot + QLatin1Char('/') + relative);
    // canonicalFilePath() resolves every symlink; the result must still lie inside the root.
    const QString canonical = file.canonicalFilePath();
    if (canonical.isEmpty() || !canonical.startsWith(canonicalRoot + QLatin1Char('/')))
        return QString();
    const QFileInfo resolved(canonical);
    if (!resolved.isFile() || resolved.size() > kMaxFileBytes || !contentType(canonical))
        return QString();
    return canonical;
}

void StaticFileHandler::handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response)
{
    // The page takes no bodies; one that comes is not read, so the connection ends with the answer.
    if (request.getChunkedTransferEncoding() || (request.hasContentLength() && request.getContentLength64() > 0))
        response.setKeepAlive(false);
    const std::string &target = request.getURI();
    const std::string path = target.substr(0, target.find_first_of("?#"));
    if (path == kPrefix) {
        setCommonHeaders(response);
        response.set("Location", std::string(kPrefix) + '/');
        response.set("Cache-Control", "no-cache");
        response.setStatusAndReason(HTTPResponse::HTTP_PERMANENT_REDIRECT);
        response.setContentLength(0);
        response.send();
        return;
    }
    const QString file = resolve(m_root, target);
    if (file.isEmpty())
        return notFound(response);
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return notFound(response);
    const QByteArray bytes = in.read(kMaxFileBytes + 1);
    if (bytes.size() > kMaxFileBytes)
        return notFound(response);
    static const QRegularExpression hashed(QStringLiteral("-[A-Za-z0-9]{8,}\\.[a-z0-9]+$"));
    setCommonHeaders(response);
    response.set("Cache-Control", hashed.match(QFileInfo(file).fileName()).hasMatch()
                                      ? "public, max-age=31536000, immutable"
                                      : "no-cache");
    response.setContentType(contentType(file));
    response.setContentLength(bytes.size());
    response.setStatusAndReason(HTTPResponse::HTTP_OK);
    std::ostream &out = response.send();
    if (request.getMethod() != "HEAD")
        out.write(bytes.constData(), bytes.size());
}

} // namespace mado
