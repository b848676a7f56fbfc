#pragma once

#include <QProcess>
#include <QString>

namespace mado::test {

// `openssl ocsp` as an OCSP responder, reached on 127.0.0.1, over the test PKI of make-test-pki.sh (its
// index.txt, signed by the delegated responder ocsp.pem), started by a test and stopped with it.
class OcspResponder {
public:
    OcspResponder() = default;
    ~OcspResponder();
    OcspResponder(const OcspResponder &) = delete;
    OcspResponder &operator=(const OcspResponder &) = delete;

    // Starts the responder on a free port and waits (up to 10 s) until it listens. False (with a
    // warning) when it does not.
    // `signer`: the responder certificate/key (ocsp = delegated by signca; another one makes
    // answers a verifier must refuse).
    bool start(const QString &pkiDirectory, const QString &signer = QStringLiteral("ocsp"));
    QString url() const;
    // A loopback port on which nothing listens (for "unreachable").
    static quint16 freePort();

private:
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace mado::test
