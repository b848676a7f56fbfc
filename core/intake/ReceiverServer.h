#pragma once

#include "core/Result.h"

#include <QString>

#include <memory>

namespace mado {

struct ReceiverOptions {
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8480; // 0 picks a free port (tests)
    int maxThreads = 16;
};

// The receiver's HTTP front: a Poco HTTPServer with the receiver's routes. For now it serves
// GET /healthz. start() and stop() are called from one controlling thread; requests are served
// on Poco's pool. stop() stops accepting and lets in-flight requests finish.
class ReceiverServer {
public:
    explicit ReceiverServer(ReceiverOptions options);
    ~ReceiverServer();
    ReceiverServer(const ReceiverServer &) = delete;
    ReceiverServer &operator=(const ReceiverServer &) = delete;

    Status start();
    void stop();
    bool isRunning() const;
    // The bound port (meaningful after start()).
    quint16 port() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mado
