#include "core/receiver/http/FrontConnection.h"

#include "core/receiver/IntakeLog.h"
#include "core/receiver/http/JsonResponse.h"
#include "core/receiver/spool/Spool.h"
#include "core/receiver/line/WebhookCheck.h"

#include <ctime>

namespace mado {

namespace {

constexpr std::string_view kWebhookStart = "POST /line/webhook";
constexpr std::size_t kKeptCapacity = 64 * 1024; // larger input buffers are released when empty

const char *reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    default: return "Error";
    }
}

// The Date field's value, formatted once per second per thread.
const char *httpDate()
{
    thread_local std::time_t formattedAt = 0;
    thread_local char text[40] = {};
    const std::time_t now = std::time(nullptr);
    if (now != formattedAt) {
        std::tm utc{};
        gmtime_r(&now, &utc);
        std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
        formattedAt = now;
    }
    return text;
}

} // namespace

FrontConnection::Route FrontConnection::route(std::string_view firstBytes)
{
    const std::size_t n = std::min(firstBytes.size(), kWebhookStart.size());
    if (firstBytes.substr(0, n) != kWebhookStart.substr(0, n))
        return Route::Other;
    if (firstBytes.size() <= kWebhookStart.size())
        return Route::Undecided;
    const char next = firstBytes[kWebhookStart.size()];
    return next == ' ' || next == '?' ? Route::Webhook : Route::Other;
}

FrontConnection::Step FrontConnection::advance()
{
    switch (m_phase) {
    case Phase::Storing:
        return Step::Waiting;
    case Phase::Start: {
        if (m_input.empty()) {
            if (m_input.capacity() > kKeptCapacity)
                std::string().swap(m_input);
            return Step::NeedMore;
        }
        const Route next = route(m_input);
        if (next == Route::Undecided)
            return Step::NeedMore;
        if (next == Route::Other) {
            // Only a request sent before the previous answer arrived (pipelining) gets here: the
            // front hands a connection to the other routes only between requests.
            return refuse(WebhookRefusal{400, QStringLiteral("webhook_connection"),
                                         QStringLiteral("this connection carries LINE webhooks only; send other "
                                                        "requests on a new connection")},
                          true);
        }
        std::size_t headSize = 0;
        switch (m_head.parse(m_input, headSize)) {
        case HttpRequestHead::Parse::Incomplete:
            return Step::NeedMore;
        case HttpRequestHead::Parse::TooLarge:
            return refuse(WebhookRefusal{431, QStringLiteral("head_too_large"),
                                         QStringLiteral("the request head exceeds %1 bytes")
                                             .arg(HttpRequestHead::kMaxSize)},
                          true);
        case HttpRequestHead::Parse::Malformed:
            return refuse(WebhookRefusal{400, QStringLiteral("bad_request"),
                                         QStringLiteral("the request head is not valid HTTP/1.1")},
                          true);
        case HttpRequestHead::Parse::Complete:
            break;
        }
        m_input.erase(0, headSize);
        return startRequest();
    }
    case Phase::Body:
        if (qint64(m_input.size()) < m_expected)
            return Step::NeedMore;
        m_body = QByteArray(m_input.data(), qsizetype(m_expected));
        m_input.erase(0, std::size_t(m_expected));
        return bodyComplete();
    case Phase::Chunked:
        switch (m_chunked.feed(m_input, m_body)) {
        case ChunkedBody::State::More:
            return Step::NeedMore;
        case ChunkedBody::State::TooLarge:
            return refuse(m_check.bodyTooLarge(), true);
        case ChunkedBody::State::Malformed:
            return refuse(WebhookRefusal{400, QStringLiteral("bad_request"),
                                         QStringLiteral("the chunked body is malformed")},
                          true);
        case ChunkedBody::State::Done:
            return bodyComplete();
        }
    }
    return Step::NeedMore;
}

FrontConnection::Step FrontConnection::startRequest()
{
    m_keepAlive = m_head.keepAlive();
    m_body.clear();
    // Without Content-Length or chunked coding a request has no body (RFC 9112, 6.3).
    const qint64 declared = m_head.chunked() ? -1 : std::max<qint64>(m_head.contentLength(), 0);
    if (const auto refusal =
            m_check.beforeBody(declared, m_head.field("content-type"), m_head.field("x-line-signature")))
        return refuse(*refusal, true); // the body is not read: the connection cannot go on
    if (m_head.http11() && m_head.expectsContinue() && declared != 0)
        m_output += "HTTP/1.1 100 Continue\r\n\r\n";
    if (m_head.chunked()) {
        m_chunked = ChunkedBody(m_check.maxBodyBytes());
        m_phase = Phase::Chunked;
    } else {
        m_expected = declared;
        m_phase = Phase::Body;
    }
    return advance();
}

FrontConnection::Step FrontConnection::bodyComplete()
{
    auto checked = m_check.afterBody(m_body, m_head.field("x-line-signature"));
    m_body = QByteArray();
    if (checked.refusal)
        return refuse(*checked.refusal, false);
    if (checked.events.empty()) // LINE's URL check: nothing to store
        return answer(200, WebhookCheck::acceptedBody(SpoolWriteResult{}), false);
    m_events = std::move(checked.events);
    m_phase = Phase::Storing;
    return Step::Store;
}

FrontConnection::Step FrontConnection::stored(const Result<SpoolWriteResult> &result)
{
    if (!result) {
        // LINE redelivers a webhook that did not get a 2xx (when redelivery is on for the channel).
        qCCritical(lcIntake) << "webhook not stored:" << result.error().message;
        return refuse(WebhookCheck::spoolUnavailable(), false);
    }
    return answer(200, WebhookCheck::acceptedBody(result.value()), false);
}

FrontConnection::Step FrontConnection::overloaded()
{
    std::string().swap(m_input);
    m_body = QByteArray();
    m_keepAlive = false;
    return answer(503, JsonResponse::errorBytes(QStringLiteral("server_busy"),
                                                QStringLiteral("the receiver is busy; try again later")),
                  true);
}

std::size_t FrontConnection::heldBytes() const
{
    return m_input.capacity() + m_output.capacity() + std::size_t(m_body.capacity());
}

FrontConnection::Step FrontConnection::refuse(const WebhookRefusal &refusal, bool close)
{
    // A store that failed (503) is the receiver's fault, not the peer's: not counted.
    if (refusal.status != 503 && m_maxRefusalsInARow > 0 && ++m_refusalsInARow >= m_maxRefusalsInARow)
        close = true;
    return answer(refusal.status, JsonResponse::errorBytes(refusal.code, refusal.message), close);
}

FrontConnection::Step FrontConnection::answer(int status, const QByteArray &json, bool close)
{
    close = close || !m_keepAlive;
    if (status == 200)
        m_refusalsInARow = 0;
    m_phase = Phase::Start;
    m_lastStatus = status;
    m_output += "HTTP/1.1 ";
    m_output += std::to_string(status);
    m_output += ' ';
    m_output += reason(status);
    m_output += "\r\nDate: ";
    m_output += httpDate();
    m_output += "\r\nContent-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\nContent-Length: ";
    m_output += std::to_string(json.size());
    if (close)
        m_output += "\r\nConnection: close";
    else if (!m_head.http11())
        m_output += "\r\nConnection: Keep-Alive";
    m_output += "\r\n\r\n";
    m_output.append(json.constData(), std::size_t(json.size()));
    return close ? Step::Close : Step::Answered;
}

} // namespace mado
