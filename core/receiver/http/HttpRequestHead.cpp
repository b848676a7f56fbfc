#include "core/receiver/http/HttpRequestHead.h"

#include "core/receiver/http/HttpText.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace mado {

namespace {

bool isTokenChar(char c)
{
    static constexpr std::string_view kSpecials = "!#$%&'*+-.^_`|~";
    return std::isalnum(static_cast<unsigned char>(c)) || kSpecials.find(c) != std::string_view::npos;
}

} // namespace

HttpRequestHead::Parse HttpRequestHead::parse(std::string_view bytes, std::size_t &headSize)
{
    const std::size_t end = bytes.find("\r\n\r\n");
    if (end == std::string_view::npos)
        return bytes.size() >= kMaxSize ? Parse::TooLarge : Parse::Incomplete;
    if (end + 4 > kMaxSize)
        return Parse::TooLarge;
    *this = HttpRequestHead();
    std::string_view head = bytes.substr(0, end + 2); // each line with its CRLF
    bool first = true;
    while (!head.empty()) {
        const std::size_t eol = head.find("\r\n");
        const std::string_view line = head.substr(0, eol);
        head.remove_prefix(eol + 2);
        // A bare CR or LF inside a line is not HTTP.
        if (line.find_first_of("\r\n") != std::string_view::npos)
            return Parse::Malformed;
        if (!(first ? parseRequestLine(line) : parseField(line)))
            return Parse::Malformed;
        first = false;
    }
    if (!finish())
        return Parse::Malformed;
    headSize = end + 4;
    return Parse::Complete;
}

bool HttpRequestHead::parseRequestLine(std::string_view line)
{
    const std::size_t firstSpace = line.find(' ');
    const std::size_t lastSpace = line.rfind(' ');
    if (firstSpace == std::string_view::npos || lastSpace == firstSpace)
        return false;
    const std::string_view method = line.substr(0, firstSpace);
    const std::string_view target = line.substr(firstSpace + 1, lastSpace - firstSpace - 1);
    const std::string_view version = line.substr(lastSpace + 1);
    if (method.empty() || !std::all_of(method.begin(), method.end(), isTokenChar))
        return false;
    if (target.empty() || target.find(' ') != std::string_view::npos)
        return false;
    if (version == "HTTP/1.1")
        m_http11 = true;
    else if (version == "HTTP/1.0")
        m_http11 = false;
    else
        return false;
    m_method = std::string(method);
    m_target = std::string(target);
    return true;
}

bool HttpRequestHead::parseField(std::string_view line)
{
    const std::size_t colon = line.find(':');
    // No name, a name with spaces (also obsolete folding, which starts with one) or no colon.
    if (colon == std::string_view::npos || colon == 0)
        return false;
    const std::string_view name = line.substr(0, colon);
    if (!std::all_of(name.begin(), name.end(), isTokenChar))
        return false;
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return char(std::tolower(static_cast<unsigned char>(c))); });
    m_fields.emplace_back(std::move(lower), std::string(HttpText::trim(line.substr(colon + 1))));
    return true;
}

bool HttpRequestHead::finish()
{
    bool lengthSeen = false;
    for (const auto &[name, value] : m_fields) {
        if (name == "content-length") {
            qint64 length = -1;
            // Digits only ("-0" and "+5" are not lengths).
            if (value.empty() || !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
                return false;
            const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), length);
            if (error != std::errc() || end != value.data() + value.size() || length < 0)
                return false;
            if (lengthSeen && length != m_contentLength)
                return false;
            lengthSeen = true;
            m_contentLength = length;
        } else if (name == "transfer-encoding") {
            // Only "chunked" alone is understood; anything else cannot be framed safely.
            if (m_chunked || !HttpText::equalsIgnoringCase(value, "chunked"))
                return false;
            m_chunked = true;
        }
    }
    return !(lengthSeen && m_chunked);
}

std::string_view HttpRequestHead::path() const
{
    const std::string_view target = m_target;
    return target.substr(0, target.find('?'));
}

std::string_view HttpRequestHead::field(std::string_view lowerName) const
{
    for (const auto &[name, value] : m_fields) {
        if (name == lowerName)
            return value;
    }
    return {};
}

std::vector<std::string_view> HttpRequestHead::fields(std::string_view lowerName) const
{
    std::vector<std::string_view> values;
    for (const auto &[name, value] : m_fields) {
        if (name == lowerName)
            values.emplace_back(value);
    }
    return values;
}

bool HttpRequestHead::has(std::string_view lowerName) const
{
    return std::any_of(m_fields.begin(), m_fields.end(), [lowerName](const auto &f) { return f.first == lowerName; });
}

bool HttpRequestHead::keepAlive() const
{
    const std::string_view connection = field("connection");
    if (m_http11)
        return !HttpText::listHas(connection, "close");
    return HttpText::listHas(connection, "keep-alive");
}

bool HttpRequestHead::expectsContinue() const
{
    return HttpText::equalsIgnoringCase(field("expect"), "100-continue");
}

} // namespace mado
