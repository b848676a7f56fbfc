#pragma once

#include <Poco/Net/HTTPRequestHandler.h>

#include <QString>

namespace mado {

// GET/HEAD /liff/...: serves the residents' LIFF page from one directory, and nothing outside it.
// The request path (after /liff/) must be plain segments of letters, digits, '_', '-' and '.',
// none starting with '.', with no encoded '/', '\' or NUL in the raw target; the file it names,
// with every symlink resolved, must lie inside the directory (also resolved) and be a regular
// file of a known type (html, js, css, png, svg, json, woff2, webmanifest, ico) of at most 8 MiB.
// Anything else is 404, directories included (no listings); /liff/ serves index.html and /liff
// redirects (308) to /liff/. Every answer carries a Content-Security-Policy that allows scripts and
// connections to the receiver itself and LINE's SDK origins only (no inline script or style),
// X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer. Files whose names carry a content
// hash (name-HASH.ext, HASH 8+ letters/digits) are cached for a year (immutable); the rest
// (index.html) must be revalidated (no-cache). Poco server threads; reads the disk per request.
class StaticFileHandler : public Poco::Net::HTTPRequestHandler {
public:
    static constexpr qint64 kMaxFileBytes = 8 * 1024 * 1024;
    // The prefix served, without its trailing slash.
    static constexpr const char *kPrefix = "/liff";
    // The policy sent with every answer of this handler.
    static const char *contentSecurityPolicy();

    explicit StaticFileHandler(QString rootDirectory) : m_root(std::move(rootDirectory)) {}
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override;

    // The file under root that `target` (the raw request target) names, or an empty string when
    // it must not be served. Exposed for tests.
    static QString resolve(const QString &root, const std::string &target);

private:
    QString m_root;
};

} // namespace mado
