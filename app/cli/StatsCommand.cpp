#include "app/cli/StatsCommand.h"

#include "app/cli/CliStore.h"

namespace mado::cli {

StatsCommand::StatsCommand()
    : Command(QStringLiteral("stats"), QStringLiteral("Show cases per state and table sizes."),
              {QStringLiteral("[--store FILE]")}),
      m_store(addOption(CliStore::storeOption()))
{
    setHelpNotes(QStringLiteral("Exit codes: 0 shown, 1 cannot read, 3 no store or a newer schema."));
}

int StatsCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    const QStringList arguments = QStringList{QString()} + parser.positionalArguments();
    if (arguments.size() != 1)
        return usageError(streams, QStringLiteral("takes no arguments"));
    CliStore cli(parser.value(m_store), QString());
    CaseStore *store = cli.open(streams);
    if (!store)
        return kExitSetup;
    auto stats = store->statistics();
    if (!stats) {
        streams.err << stats.error().message << Qt::endl;
        return kExitFailed;
    }
    for (auto it = stats.value().cbegin(); it != stats.value().cend(); ++it)
        streams.out << qSetFieldWidth(24) << Qt::left << it.key() << qSetFieldWidth(0) << it.value() << Qt::endl;
    return kExitOk;
}

} // namespace mado::cli
