#include "core/receiver/http/ChunkedBody.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace mado {

namespace {

// The chunk size of a size line ("1a2b" optionally followed by ";extension"); -1 if malformed
// or larger than cap (+1 is returned then, for "too large").
qint64 chunkSize(std::string_view line, qint64 cap)
{
    // No control characters anywhere in the line (extensions included): a bare CR, LF or NUL
    // would let a lenient intermediary frame the body differently.
    for (const char c : line) {
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f)
            return -1;
    }
    const std::size_t end = std::min(line.find(';'), line.size());
    std::string_view digits = line.substr(0, end);
    while (!digits.empty() && (digits.back() == ' ' || digits.back() == '\t'))
        digits.remove_suffix(1);
    if (digits.empty())
        return -1;
    qint64 size = 0;
    for (const char c : digits) {
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return -1;
        const int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                                                                     : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
        size = size * 16 + digit;
        if (size > cap)
            return cap + 1;
    }
    return size;
}

} // namespace

ChunkedBody::State ChunkedBody::feed(std::string &in, QByteArray &body)
{
    std::size_t used = 0;
    auto result = [&in, &used](State state) {
        in.erase(0, used);
        return state;
    };
    while (true) {
        const std::string_view rest = std::string_view(in).substr(used);
        if (m_phase == Phase::Data) {
            const std::size_t take = std::size_t(std::min<qint64>(m_remaining, qint64(rest.size())));
            body.append(rest.data(), qsizetype(take));
            used += take;
            m_remaining -= qint64(take);
            if (m_remaining > 0)
                return result(State::More);
            m_phase = Phase::DataEnd;
            continue;
        }
        const std::size_t eol = rest.find("\r\n");
        // Without its LF yet, a line of kMaxLine bytes may be waiting with its CR: refusing it then
        // would make the verdict depend on where the socket split the bytes.
        if (eol == std::string_view::npos)
            return result(rest.size() > kMaxLine + 1 ? State::Malformed : State::More);
        if (eol > kMaxLine)
            return result(State::Malformed);
        const std::string_view line = rest.substr(0, eol);
        used += eol + 2;
        switch (m_phase) {
        case Phase::Size: {
            const qint64 size = chunkSize(line, m_limit);
            if (size < 0)
                return result(State::Malformed);
            if (qint64(body.size()) + size > m_limit)
                return result(State::TooLarge);
            m_remaining = size;
            m_phase = size == 0 ? Phase::Trailer : Phase::Data;
            break;
        }
        case Phase::DataEnd:
            if (!line.empty())
                return result(State::Malformed);
            m_phase = Phase::Size;
            break;
        case Phase::Trailer:
            if (line.empty())
                return result(State::Done);
            for (const char c : line) {
                if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f)
                    return result(State::Malformed);
            }
            m_trailerBytes += line.size() + 2; // a trailer field, skipped
            if (m_trailerBytes > kMaxTrailer)
                return result(State::Malformed);
            break;
        case Phase::Data:
            break; // handled above
        }
    }
}

} // namespace mado
