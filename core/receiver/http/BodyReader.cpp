#include "core/receiver/http/BodyReader.h"

#include <algorithm>
#include <istream>

namespace mado {

bool BodyReader::read(Poco::Net::HTTPServerRequest &request, qint64 limit, QByteArray &body)
{
    std::istream &in = request.stream();
    if (request.hasContentLength() && !request.getChunkedTransferEncoding()) {
        const qint64 declared = request.getContentLength64();
        if (declared > limit)
            return false;
        // Straight into the body: Poco's fixed-length stream ends at Content-Length, so more
        // cannot arrive; a short body stays short.
        body.resize(qsizetype(declared));
        in.read(body.data(), std::streamsize(declared));
        body.truncate(qsizetype(in.gcount()));
        return true;
    }
    char buffer[65536];
    while (in && body.size() <= limit) {
        const qint64 wanted = std::min<qint64>(qint64(sizeof buffer), limit + 1 - body.size());
        in.read(buffer, std::streamsize(wanted));
        body.append(buffer, qsizetype(in.gcount()));
    }
    return body.size() <= limit;
}

} // namespace mado
