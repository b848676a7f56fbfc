#include "tests/bench/ChildServer.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QThread>

namespace mado::bench {

ChildServer::~ChildServer()
{
    kill();
}

bool ChildServer::start(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
                        const QString &logPrefix, const QRegularExpression &portPattern, QString *error)
{
    const QString outPath = logPrefix + QStringLiteral(".out");
    m_process.setProcessEnvironment(environment);
    m_process.setStandardOutputFile(outPath);
    m_process.setStandardErrorFile(logPrefix + QStringLiteral(".err"));
    m_process.start(program, arguments);
    if (!m_process.waitForStarted(10000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(program, m_process.errorString());
        return false;
    }
    const QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        QFile out(outPath);
        if (out.open(QIODevice::ReadOnly)) {
            const QRegularExpressionMatch found = portPattern.match(QString::fromUtf8(out.readAll()));
            if (found.hasMatch()) {
                m_port = quint16(found.captured(1).toUInt());
                return true;
            }
        }
        if (m_process.state() == QProcess::NotRunning)
            break;
        // Polling a file; this is a tool, not a test.
        QThread::msleep(20);
    }
    *error = QStringLiteral("%1 did not report a listening port (see %2.err)").arg(program, logPrefix);
    kill();
    return false;
}

void ChildServer::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(10000);
}

} // namespace mado::bench
