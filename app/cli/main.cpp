// madoguchi-cli: the core without a GUI. Wiring only: each command lives in its own file.
#include "app/cli/CliCommand.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Keep stderr for one-line reasons; QT_LOGGING_RULES still overrides this.
    QLoggingCategory::setFilterRules(QStringLiteral("mado.*.debug=false\nmado.*.info=false"));
    QCoreApplication::setApplicationName(QStringLiteral("madoguchi-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MADO_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const mado::cli::CliStreams streams{out, err};

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    const QString command = arguments.value(0);
    if (command == QLatin1String("match"))
        return mado::cli::runMatch(QStringList{QStringLiteral("madoguchi-cli match")} + arguments.mid(1), streams);
    if (command == QLatin1String("models"))
        return mado::cli::runModels(arguments, streams);
    if (command == QLatin1String("verify"))
        return mado::cli::runVerify(QStringList{QStringLiteral("madoguchi-cli verify")} + arguments.mid(1), streams);
    if (command == QLatin1String("eval"))
        return mado::cli::runEval(QStringList{QStringLiteral("madoguchi-cli eval")} + arguments.mid(1), streams);
    if (command == QLatin1String("samples"))
        return mado::cli::runSamples(arguments, streams);
    if (command == QLatin1String("bench"))
        return mado::cli::runBench(arguments, streams);
    if (command == QLatin1String("info"))
        return mado::cli::runInfo(arguments, streams);
    err << "usage: madoguchi-cli COMMAND [ARGS]\n"
           "commands:\n"
           "  match [--json] [--models DIR] DOCUMENT_IMAGE SELFIE_IMAGE   compare two faces\n"
           "  models check [DIR]                                           verify the model files\n"
           "  verify [--json] BUNDLE_DIR                                   full face verification of a case bundle\n"
           "  eval [--json] DIR                                            error rates over DIR/<person>/<images>\n"
           "  samples split IMAGE LABELS.json OUTDIR                       cut labelled faces out of a group photo\n"
           "  bench [--json] [--cases N] [--rounds N] [--samples DIR]     verification speed vs plain dlib\n"
           "  bench descriptor IMAGE_DIR [ROUNDS]                          time detection, alignment, descriptor\n"
           "  info                                                         versions, models dir, BLAS\n";
    return command.isEmpty() || command == QLatin1String("--help") ? mado::cli::kExitOk : mado::cli::kExitUsage;
}
