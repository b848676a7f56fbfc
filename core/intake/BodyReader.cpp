#include "core/intake/BodyReader.h"

#include <algorithm>
#include <istream>

namespace mado {

bool BodyReader::read(Poco::Net::HTTPServerRequest &request, qint64 limit, QByteArray &body)
{
    if (request.hasContentLength() && request.getContentLength64() > limit)
        return false;
    if (request.hasContentLength())
        body.reserve(qsizetype(request.getContentLength64()));
    std::istream &in = request.stream();
    char buffer[65536];
    while (in && body.size() <= limit) {
        const qint64 wanted = std::min<qint64>(qint64(sizeof buffer), limit + 1 - body.size());
        in.read(buffer, std::streamsize(wanted));
        body.append(buffer, qsizetype(in.gcount()));
    }
    return body.size() <= limit;
}

} // namespace mado
