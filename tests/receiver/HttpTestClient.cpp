#include "HttpTestClient.h"

#include <QTest>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <sstream>

namespace mado {

namespace {

HttpTestClient::Reply readReply(std::istream &in, const Poco::Net::HTTPResponse &response)
{
    std::ostringstream body;
    Poco::StreamCopier::copyStream(in, body);
    return HttpTestClient::Reply{int(response.getStatus()), response.getContentType(),
                                 response.get("Connection", std::string()), QByteArray::fromStdString(body.str()),
                                 response.get("Retry-After", std::string())};
}

// Sends the request with its body and reads the answer. A write the server cut short is not an
// error: it refused from the head (e.g. 413 for a declared length over a limit) or part-way through
// the body, closed, and its answer is already on the way.
HttpTestClient::Reply exchange(Poco::Net::HTTPClientSession &session, Poco::Net::HTTPRequest &request,
                               const QByteArray &body)
{
    std::ostream &out = session.sendRequest(request);
    try {
        out.write(body.constData(), body.size());
        out.flush();
    } catch (const Poco::IOException &) {
    }
    Poco::Net::HTTPResponse response;
    std::istream &in = session.receiveResponse(response);
    return readReply(in, response);
}

} // namespace

HttpTestClient::Reply HttpTestClient::request(quint16 port, const std::string &method, const std::string &path,
                                              const QByteArray &body, const Headers &headers)
{
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto &[name, value] : headers)
        request.set(name, value);
    request.setContentLength(body.size());
    return exchange(session, request, body);
}

HttpTestClient::Reply HttpTestClient::requestChunked(quint16 port, const std::string &method, const std::string &path,
                                                     const QByteArray &body, const Headers &headers)
{
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto &[name, value] : headers)
        request.set(name, value);
    request.setChunkedTransferEncoding(true);
    return exchange(session, request, body);
}

HttpTestClient::Reply HttpTestClient::sendPartial(quint16 port, const QByteArray &bytes, int timeoutSeconds)
{
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
    socket.setReceiveTimeout(Poco::Timespan(timeoutSeconds, 0));
    socket.sendBytes(bytes.constData(), int(bytes.size()));
    Poco::Net::SocketStream stream(socket);
    Poco::Net::HTTPResponse response;
    response.read(stream);
    std::string body;
    if (response.hasContentLength()) {
        body.resize(std::size_t(response.getContentLength64()));
        stream.read(body.data(), std::streamsize(body.size()));
        body.resize(std::size_t(stream.gcount()));
    }
    return Reply{int(response.getStatus()), response.getContentType(), response.get("Connection", std::string()),
                 QByteArray::fromStdString(body), response.get("Retry-After", std::string())};
}

QByteArray HttpTestClient::metricsWith(quint16 port, const std::vector<std::string> &lines, int timeoutMs)
{
    QByteArray text;
    const auto hasAll = [&] {
        text = request(port, "GET", "/metrics").body;
        return std::all_of(lines.begin(), lines.end(),
                           [&](const std::string &line) { return text.contains(QByteArray::fromStdString(line)); });
    };
    // After the timeout the last text is returned: the caller's checks name what is missing.
    [[maybe_unused]] const bool found = QTest::qWaitFor(hasAll, timeoutMs);
    return text;
}

} // namespace mado
