#pragma once

#include <Poco/Net/HTTPServerRequest.h>

#include <QByteArray>

namespace mado {

// Reads a request body into memory, but never more than limit + 1 bytes, so an oversized body
// (declared or chunked) is detected without reading it all. Any thread.
class BodyReader {
public:
    // False if the body is larger than limit (declared by Content-Length or while reading).
    static bool read(Poco::Net::HTTPServerRequest &request, qint64 limit, QByteArray &body);
};

} // namespace mado
