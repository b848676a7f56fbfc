#include "tests/support/CliRun.h"

#include "tests/support/ProcessText.h"

#include <QProcess>

namespace mado::test {

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
