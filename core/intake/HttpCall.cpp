#include "core/intake/HttpCall.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/URI.h>

#include <QUrl>

#include <istream>

namespace mado {

Result<HttpCall::Reply> HttpCall::request(const std::string &method, const QString &url, const Headers &headers,
                                          const QByteArray &body, const std::string &contentType, int timeoutMs,
                                          qint64 maxReplyBytes)
{
    try {
        const Poco::URI uri(url.toStdString());
        if (uri.getScheme() != "http")
            return Error{ErrorCode::Network, QStringLiteral("only http:// URLs are supported by this build")};
        Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
        session.setTimeout(Poco::Timespan(Poco::Timespan::TimeDiff(timeoutMs) * 1000));
        Poco::Net::HTTPRequest request(method, uri.getPathEtc(), Poco::Net::HTTPMessage::HTTP_1_1);
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
        if (reply.body.size() > maxReplyBytes)
            return Error{ErrorCode::Network, QStringLiteral("the answer is larger than %1 bytes").arg(maxReplyBytes)};
        return reply;
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
