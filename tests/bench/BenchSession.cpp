#include "tests/bench/BenchSession.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

namespace mado::bench {

BenchSession::BenchSession(quint16 port) : m_port(port) {}

BenchSession::~BenchSession() = default;

BenchSession::Answer BenchSession::post(const std::string &path, const QByteArray &body, const Headers &headers)
{
    const bool reused = m_session != nullptr;
    Answer answer = attempt(path, body, headers);
    // A kept-alive connection may have been closed by the server between two requests.
    if (answer.status == 0 && reused)
        answer = attempt(path, body, headers);
    return answer;
}

BenchSession::Answer BenchSession::attempt(const std::string &path, const QByteArray &body, const Headers &headers)
{
    try {
        if (!m_session) {
            m_session = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", m_port);
            m_session->setKeepAlive(true);
            m_session->setTimeout(Poco::Timespan(30, 0));
        }
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, path, Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(true);
        for (const auto &[name, value] : headers)
            request.set(name, value);
        request.setContentLength(body.size());
        m_session->sendRequest(request).write(body.constData(), body.size());
        Poco::Net::HTTPResponse response;
        std::string text;
        Poco::StreamCopier::copyToString(m_session->receiveResponse(response), text);
        if (!response.getKeepAlive())
            m_session.reset();
        return Answer{int(response.getStatus()), QByteArray::fromStdString(text)};
    } catch (const Poco::Exception &) {
        m_session.reset();
        return Answer{};
    }
}

} // namespace mado::bench
