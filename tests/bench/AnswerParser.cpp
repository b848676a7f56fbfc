#include "tests/bench/AnswerParser.h"

#include "core/receiver/http/HttpText.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>


namespace mado::bench {

namespace {

constexpr std::size_t kMaxHead = 64 * 1024;
constexpr std::size_t kMaxLine = 4096;

} // namespace

void AnswerParser::reset()
{
    m_state = State::Head;
    m_started = false;
    m_status = 0;
    m_closes = false;
    m_remaining = 0;
    m_head.clear();
    m_line.clear();
}

AnswerParser::Progress AnswerParser::finish() const
{
    return m_state == State::UntilClose || m_state == State::Done ? Progress::Complete : Progress::Malformed;
}

bool AnswerParser::takeLine(const char *data, std::size_t size, std::size_t *at)
{
    const char *end = std::find(data + *at, data + size, '\n');
    m_line.append(data + *at, end);
    *at = std::size_t(end - data) + (end == data + size ? 0 : 1);
    if (end == data + size)
        return false;
    if (!m_line.empty() && m_line.back() == '\r')
        m_line.pop_back();
    return true;
}

AnswerParser::Progress AnswerParser::feed(const char *data, std::size_t size, std::size_t *used)
{
    std::size_t at = 0;
    if (size > 0)
        m_started = true;
    Progress progress = Progress::More;
    while (progress == Progress::More && at < size) {
        switch (m_state) {
        case State::Head: {
            // Search from a little before the new bytes: the empty line may straddle two pieces.
            const std::size_t from = m_head.size() < 3 ? 0 : m_head.size() - 3;
            m_head.append(data + at, size - at);
            const std::size_t end = m_head.find("\r\n\r\n", from);
            if (end == std::string::npos) {
                at = size;
                if (m_head.size() > kMaxHead)
                    progress = Progress::Malformed;
                break;
            }
            // Give back what follows the head; it belongs to the body.
            at = size - (m_head.size() - (end + 4));
            m_head.resize(end + 2);
            progress = parseHead();
            break;
        }
        case State::Body:
        case State::ChunkData: {
            const std::size_t n = std::min(m_remaining, size - at);
            at += n;
            m_remaining -= n;
            if (m_remaining == 0)
                m_state = m_state == State::Body ? State::Done : State::ChunkEnd;
            break;
        }
        case State::ChunkSize:
            if (!takeLine(data, size, &at))
                break;
            {
                // "1a2b" or "1a2b;extension"
                char *end = nullptr;
                m_remaining = std::strtoull(m_line.c_str(), &end, 16);
                if (end == m_line.c_str())
                    progress = Progress::Malformed;
                m_line.clear();
                m_state = m_remaining == 0 ? State::Trailer : State::ChunkData;
            }
            break;
        case State::ChunkEnd:
            if (!takeLine(data, size, &at))
                break;
            if (!m_line.empty())
                progress = Progress::Malformed;
            m_line.clear();
            m_state = State::ChunkSize;
            break;
        case State::Trailer:
            if (!takeLine(data, size, &at))
                break;
            if (m_line.empty())
                m_state = State::Done;
            m_line.clear();
            break;
        case State::UntilClose:
            at = size;
            break;
        case State::Done:
            break;
        }
        if (m_line.size() > kMaxLine)
            progress = Progress::Malformed;
        if (progress == Progress::More && m_state == State::Done)
            progress = Progress::Complete;
    }
    if (progress == Progress::More && m_state == State::Done)
        progress = Progress::Complete;
    *used = at;
    return progress;
}

AnswerParser::Progress AnswerParser::parseHead()
{
    // "HTTP/1.1 200 OK"
    const std::string_view head(m_head);
    const std::size_t lineEnd = head.find("\r\n");
    const std::string_view statusLine = head.substr(0, lineEnd);
    if (statusLine.size() < 12 || statusLine.compare(0, 5, "HTTP/") != 0 || statusLine[8] != ' ')
        return Progress::Malformed;
    m_status = std::atoi(statusLine.data() + 9);
    if (m_status < 100 || m_status > 999)
        return Progress::Malformed;
    const bool http10 = statusLine.compare(0, 8, "HTTP/1.0") == 0;
    bool keepAlive = false;
    bool chunked = false;
    bool hasLength = false;
    std::size_t length = 0;
    for (std::size_t at = lineEnd + 2; at < head.size();) {
        const std::size_t end = head.find("\r\n", at);
        const std::string_view line = head.substr(at, end - at);
        at = end + 2;
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            continue;
        const std::string_view name = HttpText::trim(line.substr(0, colon));
        const std::string_view value = HttpText::trim(line.substr(colon + 1));
        if (HttpText::equalsIgnoringCase(name, "content-length")) {
            hasLength = true;
            length = std::size_t(std::strtoull(std::string(value).c_str(), nullptr, 10));
        } else if (HttpText::equalsIgnoringCase(name, "transfer-encoding")) {
            chunked = HttpText::listHas(value, "chunked");
        } else if (HttpText::equalsIgnoringCase(name, "connection")) {
            m_closes = m_closes || HttpText::listHas(value, "close");
            keepAlive = keepAlive || HttpText::listHas(value, "keep-alive");
        }
    }
    if (http10 && !keepAlive)
        m_closes = true;
    m_head.clear();
    if (m_status < 200) {
        // An interim answer (100 Continue): the real one follows.
        m_status = 0;
        m_closes = false;
        return Progress::More;
    }
    if (m_status == 204 || m_status == 304) {
        m_state = State::Done;
    } else if (chunked) {
        m_state = State::ChunkSize;
    } else if (hasLength) {
        m_remaining = length;
        m_state = length == 0 ? State::Done : State::Body;
    } else {
        m_state = State::UntilClose;
        m_closes = true;
    }
    return m_state == State::Done ? Progress::Complete : Progress::More;
}

} // namespace mado::bench
