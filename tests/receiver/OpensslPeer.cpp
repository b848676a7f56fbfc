#include "OpensslPeer.h"

#include <QRegularExpression>

namespace mado::test {

QProcessEnvironment OpensslPeer::environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // No system-wide openssl.cnf: the options of a test are all that applies.
    env.insert(QStringLiteral("OPENSSL_CONF"), QStringLiteral("/dev/null"));
    return env;
}

OpensslPeer::~OpensslPeer()
{
    if (m_server.state() != QProcess::NotRunning) {
        m_server.kill();
        m_server.waitForFinished(5000);
    }
}

OpensslPeer::Handshake OpensslPeer::connect(quint16 port, const QStringList &options)
{
    QProcess client;
    client.setProcessEnvironment(environment());
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start(QStringLiteral("openssl"),
                 QStringList{QStringLiteral("s_client"), QStringLiteral("-brief"), QStringLiteral("-connect"),
                             QStringLiteral("127.0.0.1:%1").arg(port)} +
                     options);
    Handshake result;
    if (!client.waitForStarted(10000)) {
        result.output = QStringLiteral("the openssl command (package openssl) did not start");
        return result;
    }
    // End of input: s_client closes the connection after the handshake.
    client.closeWriteChannel();
    client.waitForFinished(20000);
    result.output = QString::fromLocal8Bit(client.readAll());
    result.established = result.output.contains(QLatin1String("CONNECTION ESTABLISHED"));
    static const QRegularExpression protocol(QStringLiteral("Protocol version: (\\S+)"));
    static const QRegularExpression cipher(QStringLiteral("Ciphersuite: (\\S+)"));
    result.protocol = protocol.match(result.output).captured(1);
    result.cipher = cipher.match(result.output).captured(1);
    return result;
}

Status OpensslPeer::startServer(const QString &certificate, const QString &privateKey, const QStringList &options)
{
    m_server.setProcessEnvironment(environment());
    m_server.setProcessChannelMode(QProcess::MergedChannels);
    // -www: an HTTP request after the handshake gets a status page, never a workstation API answer.
    // Standard input stays open (s_server stops at its end).
    m_server.start(QStringLiteral("openssl"),
                   QStringList{QStringLiteral("s_server"), QStringLiteral("-accept"), QStringLiteral("127.0.0.1:0"),
                               QStringLiteral("-cert"), certificate, QStringLiteral("-key"), privateKey,
                               QStringLiteral("-www")} +
                       options);
    static const QRegularExpression accept(QStringLiteral("ACCEPT 127\\.0\\.0\\.1:(\\d+)"));
    QByteArray output;
    while (m_server.waitForReadyRead(20000)) {
        output += m_server.readAll();
        const auto match = accept.match(QString::fromLocal8Bit(output));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return {};
        }
    }
    return Error{ErrorCode::Internal,
                 QStringLiteral("openssl s_server did not start: %1").arg(QString::fromLocal8Bit(output))};
}

} // namespace mado::test
