#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace mado::test {

// One run of a command-line program of ours (madoguchi-cli, given as MADO_CLI_PATH) in a test.
struct CliRun {
    int exitCode = -1; // -1: it did not start, crashed or ran past the time allowed (then killed)
    QString out;       // stdout and stderr as text, CRLF turned into LF
    QString err;
};

struct CliRunOptions {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QByteArray input; // written to its stdin, which is then closed
    int timeoutMs = 120000;
};

CliRun runCli(const QString &program, const QStringList &arguments, const CliRunOptions &options = {});

} // namespace mado::test
