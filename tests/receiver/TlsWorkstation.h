#pragma once

#include "core/domain/Result.h"
#include "core/receiver/spool/Spool.h"
#include "core/receiver/api/WorkstationServer.h"
#include "core/receiver/api/WorkstationTokens.h"

#include <QTemporaryDir>

#include <memory>

namespace mado::test {

// A workstation API listener with TLS on 127.0.0.1 (any free port), using a throw-away
// self-signed certificate for IP 127.0.0.1 made by the openssl command, one workstation token
// (kToken) and a spool in a temporary directory. Shared by the TLS tests.
class TlsWorkstation {
public:
    static constexpr const char *kToken = "tls-token-0123456789";

    Status start();
    void stop();
    quint16 port() const { return m_server->port(); }
    QString certificatePath() const { return m_dir.filePath(QStringLiteral("cert.pem")); }
    QString privateKeyPath() const { return m_dir.filePath(QStringLiteral("key.pem")); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Spool> m_spool;
    std::unique_ptr<WorkstationTokens> m_tokens;
    std::unique_ptr<WorkstationServer> m_server;
};

} // namespace mado::test
