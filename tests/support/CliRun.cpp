#include "tests/support/CliRun.h"

#include <QLatin1String>
#include <QProcess>

namespace mado::test {

namespace {
// A child's output as text for comparisons: UTF-8, with the CRLF line ends a Windows program writes
// in text mode turned into LF (the tests compare the text, not the line ends).
QString processText(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).replace(QLatin1String("\r\n"), QLatin1String("\n"));
}
} // namespace

CliRun runCli(const QString &program, const QStringList &arguments, const CliRunOptions &options)
{
    QProcess process;
    process.setProcessEnvironment(options.environment);
    process.start(program, arguments);
    CliRun run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(options.input);
    process.closeWriteChannel();
    if (!process.waitForFinished(options.timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = processText(process.readAllStandardOutput());
    run.err = processText(process.readAllStandardError());
    return run;
}

} // namespace mado::test
