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
    if (command == QLatin1String("demo"))
        return mado::cli::runDemo(arguments, streams);
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
    if (command == QLatin1String("init"))
        return mado::cli::runInit(arguments, streams);
    if (command == QLatin1String("user"))
        return mado::cli::runUser(arguments, streams);
    if (command == QLatin1String("audit"))
        return mado::cli::runAudit(arguments, streams);
    if (command == QLatin1String("policy"))
        return mado::cli::runPolicy(arguments, streams);
    if (command == QLatin1String("register"))
        return mado::cli::runRegister(arguments, streams);
    if (command == QLatin1String("backup"))
        return mado::cli::runBackup(arguments, streams);
    if (command == QLatin1String("stats"))
        return mado::cli::runStats(arguments, streams);
    if (command == QLatin1String("retention"))
        return mado::cli::runRetention(arguments, streams);
    if (command == QLatin1String("store"))
        return mado::cli::runStore(arguments, streams);
    if (command == QLatin1String("import"))
        return mado::cli::runImport(arguments, streams);
    if (command == QLatin1String("reverify"))
        return mado::cli::runReverify(arguments, streams);
    err << "usage: madoguchi-cli COMMAND [ARGS]\n"
           "commands:\n"
           "  match [--json] [--models DIR] DOCUMENT_IMAGE SELFIE_IMAGE   compare two faces\n"
           "  models check [DIR]                                           verify the model files\n"
           "  verify [--json] BUNDLE_DIR                                   full face verification of a case bundle\n"
           "  eval [--json] DIR                                            error rates over DIR/<person>/<images>\n"
           "  demo prepare OUT_DIR [--samples DIR]                         the demo's applications and register\n"
           "  samples split IMAGE LABELS.json OUTDIR                       cut labelled faces out of a group photo\n"
           "  bench [--json] [--cases N] [--rounds N] [--samples DIR]     verification speed vs plain dlib\n"
           "  bench descriptor IMAGE_DIR [ROUNDS]                          time detection, alignment, descriptor\n"
           "  info                                                         versions, models dir, BLAS\n"
           "store commands (--store FILE, else $MADOGUCHI_STORE, else $XDG_DATA_HOME/madoguchi/store.sqlite;\n"
           "passwords are read from standard input, one per line):\n"
           "  init [--admin LOGIN [--name NAME]]                           create or migrate the store\n"
           "  user add LOGIN ROLE [--name NAME] --as ADMIN                 add a clerk, supervisor or admin\n"
           "  user disable LOGIN --as ADMIN | user passwd LOGIN --as USER  disable an account, set a password\n"
           "  audit verify                                                 check the audit hash chain\n"
           "  policy show                                                  procedures and accepted identity methods\n"
           "  register import FILE.csv --as ADMIN                          import the resident register\n"
           "  backup TARGET                                                online backup of the store\n"
           "  stats                                                        cases per state, table sizes\n"
           "  retention [--dry-run] --as ADMIN                             delete closed cases' images when due\n"
           "  store rekey | store key                                      seal the case images under a new key / show it\n"
           "  import [--once] --receiver URL --token-file FILE             pull applications from the receiver\n"
           "  reverify [--pending] --as USER                               verify imported cases / rerun stale verdicts\n";
    return command.isEmpty() || command == QLatin1String("--help") ? mado::cli::kExitOk : mado::cli::kExitUsage;
}
