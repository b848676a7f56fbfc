#pragma once

#include <QByteArray>

#include <memory>

namespace mado {

// The x-line-signature of a LINE webhook: Base64 of HMAC-SHA256(channel secret, raw body), with
// libsodium's HMAC-SHA256, Base64 and constant-time comparison. Pure functions, any thread.
class LineSignature {
public:
    // Base64 of the HMAC-SHA256 of body keyed with channelSecret.
    static QByteArray compute(const QByteArray &channelSecret, const QByteArray &body);
    // True if signatureHeader is exactly the (padded, standard alphabet) Base64 signature of body,
    // compared in constant time. An empty secret never verifies.
    static bool verify(const QByteArray &channelSecret, const QByteArray &body, const QByteArray &signatureHeader);

    // A channel secret prepared once (libsodium's HMAC state after the key), for the
    // receiver, which checks every webhook against the same secret. Same results as the static
    // functions; compute() and verify() callable from any thread.
    class Key {
    public:
        explicit Key(const QByteArray &channelSecret);
        ~Key();
        Key(const Key &) = delete;
        Key &operator=(const Key &) = delete;

        QByteArray compute(const char *body, std::size_t size) const;
        bool verify(const char *body, std::size_t size, const char *signatureHeader, std::size_t headerSize) const;

    private:
        struct State;
        std::unique_ptr<State> m_state;       // null if libsodium failed to start: nothing verifies
        bool m_emptySecret;                   // an empty secret never verifies
    };
};

} // namespace mado
