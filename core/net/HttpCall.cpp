#include "core/net/HttpCall.h"

#include "core/net/TlsPolicy.h"

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/URI.h>

#include <QUrl>

#include <istream>
#include <memory>

namespace mado {

namespace {

// One client context for every HTTPS call: the system's CA certificates, peer and host name
// verified, TLS 1.2 or newer.
Poco::Net::Context::Ptr clientContext()
{
    static const Poco::Net::Context::Ptr context = [] {
        Poco::Net::initializeSSL();
        Poco::Net::Context::Ptr created =
            new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_STRICT, 9, true);
        created->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                                  Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
        return created;
    }();
    return context;
}

// A context of its own for a CA file or the workstation API's policy; null if OpenSSL accepts none
// of the policy's ciphers. Poco throws if the CA file cannot be read.
Poco::Net::Context::Ptr contextFor(const HttpCall::Tls &tls)
{
    if (tls.caFile.isEmpty() && !tls.workstationApi)
        return clientContext();
    Poco::Net::initializeSSL();
    Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", tls.caFile.toStdString(),
                               Poco::Net::Context::VERIFY_STRICT, 9, tls.caFile.isEmpty());
    if (tls.workstationApi) {
        if (!TlsPolicy::apply(*context, TlsPolicy::Side::Client))
            return {};
    } else {
        context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                                  Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
    }
    return context;
}

} // namespace

struct HttpCall::Client::Connection {
    std::string scheme;
    std::string host;
    unsigned short port = 0;
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    bool used = false; // a request was answered on it, so it may have been closed by the server since
};

HttpCall::Client::Client() = default;
HttpCall::Client::Client(bool keepAlive) : m_keepAlive(keepAlive) {}
HttpCall::Client::Client(bool keepAlive, Tls tls) : m_keepAlive(keepAlive), m_tls(std::move(tls)) {}
HttpCall::Client::~Client() = default;

Result<HttpCall::Reply> HttpCall::request(const std::string &method, const QString &url, const Headers &headers,
                                          const QByteArray &body, const std::string &contentType, int timeoutMs,
                                          qint64 maxReplyBytes)
{
    return Client(false).request(method, url, headers, body, contentType, timeoutMs, maxReplyBytes);
}

Result<HttpCall::Reply> HttpCall::Client::request(const std::string &method, const QString &url,
                                                  const Headers &headers, const QByteArray &body,
                                                  const std::string &contentType, int timeoutMs,
                                                  qint64 maxReplyBytes)
{
    for (int attempt = 0;; ++attempt) {
        bool reused = false;
        try {
            const Poco::URI uri(url.toStdString());
            if (uri.getScheme() != "https" && uri.getScheme() != "http")
                return Error{ErrorCode::Network, QStringLiteral("only http and https URLs are supported")};
            Connection *c = m_connection.get();
            if (!c || c->scheme != uri.getScheme() || c->host != uri.getHost() || c->port != uri.getPort()) {
                m_connection = std::make_unique<Connection>();
                c = m_connection.get();
                c->scheme = uri.getScheme();
                c->host = uri.getHost();
                c->port = uri.getPort();
                if (c->scheme == "https") {
                    Poco::Net::Context::Ptr context = contextFor(m_tls);
                    if (!context) {
                        m_connection.reset();
                        return Error{ErrorCode::Internal,
                                     QStringLiteral("OpenSSL accepts none of the workstation API's ciphers")};
                    }
                    c->session = std::make_unique<Poco::Net::HTTPSClientSession>(c->host, c->port, context);
                } else
                    c->session = std::make_unique<Poco::Net::HTTPClientSession>(c->host, c->port);
                c->session->setKeepAlive(m_keepAlive);
            }
            reused = c->used;
            Poco::Net::HTTPClientSession &session = *c->session;
            session.setTimeout(Poco::Timespan(Poco::Timespan::TimeDiff(timeoutMs) * 1000));
            Poco::Net::HTTPRequest request(method, uri.getPathEtc(), Poco::Net::HTTPMessage::HTTP_1_1);
            request.setKeepAlive(m_keepAlive);
            for (const auto &[name, value] : headers)
                request.set(name, value);
            if (!contentType.empty())
                request.setContentType(contentType);
            if (method != "GET" || !body.isEmpty())
                request.setContentLength(body.size());
            std::ostream &out = session.sendRequest(request);
            out.write(body.constData(), body.size());
            Poco::Net::HTTPResponse response;
            std::istream &in = session.receiveResponse(response);
            Reply reply;
            reply.status = int(response.getStatus());
            reply.contentType = response.getContentType();
            char buffer[16384];
            while (in && reply.body.size() <= maxReplyBytes) {
                in.read(buffer, sizeof buffer);
                reply.body.append(buffer, qsizetype(in.gcount()));
            }
            if (reply.body.size() > maxReplyBytes) {
                m_connection.reset(); // the rest of the answer is unread
                return Error{ErrorCode::InvalidArgument,
                             QStringLiteral("the answer is larger than %1 bytes").arg(maxReplyBytes)};
            }
            // Poco's fixed-length and chunked streams end with the answer: the connection is ready
            // for the next request unless the server closes it.
            if (m_keepAlive && response.getKeepAlive() &&
                response.getVersion() == Poco::Net::HTTPMessage::HTTP_1_1)
                c->used = true;
            else
                m_connection.reset();
            return reply;
        } catch (const Poco::Exception &e) {
            m_connection.reset();
            if (reused && attempt == 0)
                continue;
            return Error{ErrorCode::Network, QString::fromStdString(e.displayText())};
        }
    }
}

Status HttpCall::get(const QString &url, const Sink &sink, int timeoutMs)
{
    try {
        const Poco::URI uri(url.toStdString());
        std::unique_ptr<Poco::Net::HTTPClientSession> session;
        if (uri.getScheme() == "https")
            session = std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(), clientContext());
        else if (uri.getScheme() == "http")
            session = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
        else
            return Error{ErrorCode::Network, QStringLiteral("only http and https URLs are supported")};
        session->setTimeout(Poco::Timespan(Poco::Timespan::TimeDiff(timeoutMs) * 1000));
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, uri.getPathEtc(),
                                       Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(false);
        session->sendRequest(request);
        Poco::Net::HTTPResponse response;
        std::istream &in = session->receiveResponse(response);
        if (response.getStatus() == Poco::Net::HTTPResponse::HTTP_NOT_FOUND)
            return Error{ErrorCode::NotFound, QStringLiteral("the server has no such file (404)")};
        if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK)
            return Error{ErrorCode::Network, QStringLiteral("the server answered %1").arg(int(response.getStatus()))};
        const qint64 length = response.hasContentLength() ? qint64(response.getContentLength64()) : -1;
        qint64 received = 0;
        char buffer[65536];
        while (in) {
            in.read(buffer, sizeof buffer);
            const qint64 got = qint64(in.gcount());
            if (got <= 0)
                break;
            received += got;
            if (!sink(buffer, got, length))
                return Error{ErrorCode::InvalidState, QStringLiteral("cancelled")};
        }
        if (length >= 0 && received != length)
            return Error{ErrorCode::Network,
                         QStringLiteral("the transfer ended after %1 of %2 bytes").arg(received).arg(length)};
        return {};
    } catch (const Poco::Exception &e) {
        return Error{ErrorCode::Network, QString::fromStdString(e.displayText())};
    }
}

QByteArray HttpCall::formEncode(const std::vector<std::pair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &[name, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

} // namespace mado
