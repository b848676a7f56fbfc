#pragma once

#include <QtGlobal>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mado {

// The head of an HTTP/1.x request (request line and header fields) as the event-driven front
// (WebhookFront) reads it from a socket buffer. Strict where leniency would be a risk: a line must
// end in CRLF, a field name must be a token, obsolete line folding is refused, and a request with
// both Content-Length and Transfer-Encoding or with conflicting lengths is malformed (request
// smuggling). Pure; any thread.
class HttpRequestHead {
public:
    static constexpr std::size_t kMaxSize = 16 * 1024;
    enum class Parse { Incomplete, Complete, Malformed, TooLarge };

    // Parses the head at the start of bytes. Complete: *this holds it and headSize is the number
    // of bytes it took (up to and including the empty line). Incomplete: more bytes are needed
    // (TooLarge when kMaxSize bytes hold no complete head).
    Parse parse(std::string_view bytes, std::size_t &headSize);

    const std::string &method() const { return m_method; }
    const std::string &target() const { return m_target; }
    // The target up to '?'.
    std::string_view path() const;
    bool http11() const { return m_http11; }
    // The value of a field (name in lower case); empty if absent. Repeated fields: the first.
    std::string_view field(std::string_view lowerName) const;
    bool has(std::string_view lowerName) const;
    // The values of every field of that name, in order.
    std::vector<std::string_view> fields(std::string_view lowerName) const;
    // Content-Length; -1 if absent.
    qint64 contentLength() const { return m_contentLength; }
    bool chunked() const { return m_chunked; }
    // HTTP/1.1 unless "Connection: close"; HTTP/1.0 only with "Connection: keep-alive".
    bool keepAlive() const;
    bool expectsContinue() const;

private:
    bool parseRequestLine(std::string_view line);
    bool parseField(std::string_view line);
    bool finish();

    std::string m_method;
    std::string m_target;
    bool m_http11 = true;
    std::vector<std::pair<std::string, std::string>> m_fields; // names in lower case
    qint64 m_contentLength = -1;
    bool m_chunked = false;
};

} // namespace mado
