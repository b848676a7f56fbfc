#include "TlsWorkstation.h"

#include <QProcess>

namespace mado::test {

Status TlsWorkstation::start()
{
    if (!m_dir.isValid())
        return Error{ErrorCode::Io, QStringLiteral("no temporary directory")};
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"),
                   m_dir.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"), certificatePath()});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0)
        return Error{ErrorCode::Internal, QStringLiteral("the openssl command (package openssl) failed")};
    auto spool = Spool::open(m_dir.filePath(QStringLiteral("spool.sqlite")));
    if (!spool)
        return spool.error();
    m_spool = std::move(spool).value();
    auto tokens = WorkstationTokens::parse(WorkstationTokens::line(QStringLiteral("pc"), kToken));
    if (!tokens)
        return tokens.error();
    m_tokens = std::make_unique<WorkstationTokens>(std::move(tokens).value());
    WorkstationServer::Options options;
    options.port = 0;
    options.tlsCertificate = certificatePath();
    options.tlsPrivateKey = m_dir.filePath(QStringLiteral("key.pem"));
    m_server = std::make_unique<WorkstationServer>(options, *m_spool, *m_tokens, nullptr);
    return m_server->start();
}

void TlsWorkstation::stop()
{
    m_server.reset();
    m_spool.reset();
}

} // namespace mado::test
