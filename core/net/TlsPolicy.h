#pragma once

#include <QString>

namespace Poco::Net {
class Context;
}

namespace mado {

// The TLS settings of both ends of the workstation API (the receiver's listener and the
// workstation's client), and the rule that plain HTTP is for loopback only. Versions: TLS 1.2 and
// 1.3 only. TLS 1.2 suites: ECDHE key exchange (forward secrecy) with an AEAD cipher (AES-GCM,
// ChaCha20-Poly1305), nothing else; TLS 1.3 suites are all ECDHE/AEAD already and keep OpenSSL's
// defaults. A server prefers its own order. Stateless; any thread.
class TlsPolicy {
public:
    static constexpr const char *kTls12Ciphers =
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
        "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

    enum class Side { Server, Client };
    // Restricts a fresh context to the policy; false (and the context must not be used) when OpenSSL
    // accepts none of the ciphers.
    static bool apply(Poco::Net::Context &context, Side side);

    // True for 127.0.0.0/8, ::1 and "localhost": the only hosts plain HTTP may be used with.
    static bool isLoopbackHost(const QString &host);
};

} // namespace mado
