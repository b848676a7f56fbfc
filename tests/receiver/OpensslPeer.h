#pragma once

#include "core/domain/Result.h"

#include <QProcess>
#include <QString>
#include <QStringList>

namespace mado::test {

// The openssl command (package openssl) as the other end of a TLS handshake, for tests of what a
// TLS endpoint accepts: connect() runs `openssl s_client` offering the given versions and ciphers;
// startServer() runs `openssl s_server` on 127.0.0.1 (a free port) accepting only the given ones.
// The tool is run with OPENSSL_CONF pointing nowhere and at security level 0 where asked, so that it
// really offers what a test names (old versions included) and a refusal comes from the peer under test.
class OpensslPeer {
public:
    struct Handshake {
        bool established = false;
        QString protocol; // "TLSv1.2"
        QString cipher;   // "ECDHE-RSA-AES128-GCM-SHA256"
        QString output;   // everything the tool printed, for messages
        // The peer answered with a TLS alert (it refused), rather than the tool giving up by itself.
        bool peerAlert() const { return output.contains(QLatin1String("alert")); }
    };

    ~OpensslPeer();

    static Handshake connect(quint16 port, const QStringList &options);

    Status startServer(const QString &certificate, const QString &privateKey, const QStringList &options);
    quint16 serverPort() const { return m_port; }

private:
    static QProcessEnvironment environment();

    QProcess m_server;
    quint16 m_port = 0;
};

} // namespace mado::test
