#include "app/cli/CliStore.h"

#include "core/store/StoreBackup.h"

namespace mado::cli {

// backup TARGET: a consistent copy of the live store (SQLite online backup API).
int runBackup(QStringList arguments, CliStreams streams)
{
    CliStore cli(arguments);
    if (arguments.size() != 2) {
        streams.err << "usage: madoguchi-cli backup TARGET_FILE [--store FILE]" << Qt::endl;
        return kExitUsage;
    }
    auto figures = StoreBackup::backup(cli.path(), arguments.at(1));
    if (!figures) {
        streams.err << "backup failed: " << figures.error().message << Qt::endl;
        return CliStore::exitCodeFor(figures.error());
    }
    streams.out << "backup " << arguments.at(1) << ": " << figures.value().pages << " pages, " << figures.value().bytes
                << " bytes in " << figures.value().milliseconds << " ms" << Qt::endl;
    return kExitOk;
}

} // namespace mado::cli
