#pragma once

#include <QByteArray>

namespace mado {

// The x-line-signature of a LINE webhook: Base64 of HMAC-SHA256(channel secret, raw body).
// Pure functions, callable from any thread.
class LineSignature {
public:
    // Base64 of the HMAC-SHA256 of body keyed with channelSecret.
    static QByteArray compute(const QByteArray &channelSecret, const QByteArray &body);
    // True if signatureHeader is exactly the (padded, standard alphabet) Base64 signature of body,
    // compared in constant time. An empty secret never verifies.
    static bool verify(const QByteArray &channelSecret, const QByteArray &body, const QByteArray &signatureHeader);
};

} // namespace mado
