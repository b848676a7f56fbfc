#include "tests/jpki/OcspResponder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTcpServer>

namespace mado::test {

OcspResponder::~OcspResponder()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

quint16 OcspResponder::freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort(); // closed when `server` goes: nothing listens there afterwards
}

bool OcspResponder::start(const QString &pkiDirectory, const QString &signer)
{
    const QDir dir(pkiDirectory);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    // Port 0: the responder takes a free port and says which ("ACCEPT [::]:PORT PID=..."), so no
    // other process can take it in between. openssl 3.0's -port takes no address: it listens on
    // every interface; the tests reach it over 127.0.0.1, and it serves only the test PKI.
    m_process.start(QStringLiteral("openssl"),
                    {QStringLiteral("ocsp"), QStringLiteral("-index"), dir.filePath(QStringLiteral("index.txt")),
                     QStringLiteral("-CA"), dir.filePath(QStringLiteral("signca.pem")), QStringLiteral("-rsigner"),
                     dir.filePath(signer + QStringLiteral(".pem")), QStringLiteral("-rkey"),
                     dir.filePath(signer + QStringLiteral(".key")), QStringLiteral("-ndays"), QStringLiteral("1"),
                     QStringLiteral("-port"), QStringLiteral("0")});
    if (!m_process.waitForStarted(5000)) {
        qWarning("openssl ocsp did not start");
        return false;
    }
    static const QRegularExpression accept(QStringLiteral("ACCEPT .*:(\\d+) "));
    QByteArray output;
    QElapsedTimer timer;
    timer.start();
    while (m_port == 0 && timer.elapsed() < 10000 && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(200);
        output += m_process.readAll();
        const auto match = accept.match(QString::fromLatin1(output));
        if (match.hasMatch())
            m_port = quint16(match.captured(1).toUInt());
    }
    if (m_port == 0) {
        qWarning("openssl ocsp did not say its port: %s", output.constData());
        return false;
    }
    // It listens once it said so. (No probe connection: an empty request makes it write its error
    // to a closed socket, and SIGPIPE ends it.)
    return true;
}

QString OcspResponder::url() const
{
    return QStringLiteral("http://127.0.0.1:%1/").arg(m_port);
}

} // namespace mado::test
