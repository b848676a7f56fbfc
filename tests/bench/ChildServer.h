#pragma once

#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace mado::bench {

// A server program run as a child process for the load generator: its standard output and error
// go to files (a busy server must never block on a full pipe), and start() waits until the
// output names the port it listens on. kill() sends SIGKILL, so whatever the server acknowledged
// must already be on disk. Used from one thread.
class ChildServer {
public:
    ChildServer() = default;
    ~ChildServer();
    ChildServer(const ChildServer &) = delete;
    ChildServer &operator=(const ChildServer &) = delete;

    // portPattern has one capture, the port. False (and error set) if the program did not start
    // or did not name a port within 20 s.
    bool start(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
               const QString &logPrefix, const QRegularExpression &portPattern, QString *error);
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    void kill();

private:
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace mado::bench
