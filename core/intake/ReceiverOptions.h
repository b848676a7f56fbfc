#pragma once

#include <QByteArray>
#include <QString>

namespace mado {

// What the receiver's HTTP front needs to serve: where to listen and how to check LINE webhooks.
// Built from a ReceiverConfig by the application; tests fill it directly.
struct ReceiverOptions {
    static constexpr qint64 kDefaultMaxBodyBytes = 1024 * 1024;

    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8480; // 0 picks a free port (tests)
    int maxThreads = 16;
    // The LINE channel secret, the HMAC key of x-line-signature. Never logged.
    QByteArray channelSecret;
    // Largest request body accepted; larger bodies are answered 413 without being read.
    qint64 maxBodyBytes = kDefaultMaxBodyBytes;
};

} // namespace mado
