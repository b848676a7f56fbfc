#include "app/cli/CliStore.h"

namespace mado::cli {

// stats: cases per state and row counts of the main tables (no personal data).
int runStats(QStringList arguments, CliStreams streams)
{
    CliStore cli(arguments);
    if (arguments.size() != 1) {
        streams.err << "usage: madoguchi-cli stats [--store FILE]" << Qt::endl;
        return kExitUsage;
    }
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
