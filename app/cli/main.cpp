// madoguchi-cli: the core without a GUI. Wiring only: the commands are in CommandRegistry.
#include "app/cli/CommandRegistry.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Keep stderr for one-line reasons; QT_LOGGING_RULES still overrides this.
    QLoggingCategory::setFilterRules(QStringLiteral("mado.*.debug=false\nmado.*.info=false"));
    QCoreApplication::setApplicationName(QStringLiteral("madoguchi-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MADO_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    const mado::cli::CommandRegistry registry;
    return registry.run(arguments, mado::cli::CliStreams{out, err});
}
