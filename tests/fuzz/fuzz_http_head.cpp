// Fuzz target: HttpRequestHead, the front's parser of request heads read from a socket.
// Input: the bytes a client sends on one connection. Heads are parsed one after the other as the front
// does with pipelined requests (a complete head, then its Content-Length body skipped, then the next).
// Properties: a complete head lies within the input and kMaxSize, never has both Content-Length and
// chunked, has a method and a target; parsing just its bytes again gives the same head.

#include "core/receiver/http/HttpRequestHead.h"
#include "tests/fuzz/FuzzSupport.h"

#include <algorithm>

using mado::HttpRequestHead;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    std::string_view rest = mado::fuzz::view(data, size);
    HttpRequestHead head; // reused, as the front reuses one per connection
    for (int request = 0; request < 8 && !rest.empty(); ++request) {
        std::size_t headSize = 0;
        const HttpRequestHead::Parse parse = head.parse(rest, headSize);
        if (parse != HttpRequestHead::Parse::Complete) {
            if (parse == HttpRequestHead::Parse::Incomplete)
                MADO_FUZZ_CHECK(rest.size() < HttpRequestHead::kMaxSize);
            return 0;
        }
        MADO_FUZZ_CHECK(headSize >= 4 && headSize <= rest.size() && headSize <= HttpRequestHead::kMaxSize);
        MADO_FUZZ_CHECK(rest.substr(headSize - 4, 4) == "\r\n\r\n");
        MADO_FUZZ_CHECK(!(head.contentLength() >= 0 && head.chunked()));
        MADO_FUZZ_CHECK(!head.method().empty() && !head.target().empty());
        MADO_FUZZ_CHECK(head.target().compare(0, head.path().size(), head.path()) == 0);
        (void)head.keepAlive();
        (void)head.expectsContinue();
        (void)head.field("host");
        (void)head.has("x-line-signature");

        HttpRequestHead again;
        std::size_t againSize = 0;
        MADO_FUZZ_CHECK(again.parse(rest.substr(0, headSize), againSize) == HttpRequestHead::Parse::Complete);
        MADO_FUZZ_CHECK(againSize == headSize && again.method() == head.method() && again.target() == head.target());
        MADO_FUZZ_CHECK(again.contentLength() == head.contentLength() && again.chunked() == head.chunked());

        rest.remove_prefix(headSize);
        if (head.contentLength() > 0)
            rest.remove_prefix(std::min<std::size_t>(rest.size(), std::size_t(head.contentLength())));
        if (head.chunked())
            return 0; // the body is ChunkedBody's (fuzz_chunked_body)
    }
    return 0;
}
