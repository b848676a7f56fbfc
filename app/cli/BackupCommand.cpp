#include "app/cli/BackupCommand.h"

#include "app/cli/CliStore.h"

#include "core/store/PostgresClient.h"
#include "core/store/StoreAddress.h"
#include "core/store/StoreBackup.h"

namespace mado::cli {

BackupCommand::BackupCommand()
    : Command(QStringLiteral("backup"),
              QStringLiteral("Make an online backup of the case store (SQLite backup API, or pg_dump on PostgreSQL)."),
              {QStringLiteral("TARGET_FILE [--store STORE]")}),
      m_store(addOption(CliStore::storeOption()))
{
    addArgument(QStringLiteral("TARGET_FILE"), QStringLiteral("The copy to write (never overwritten)."));
    setHelpNotes(QStringLiteral(
        "A PostgreSQL store is dumped with pg_dump --format=custom (the password goes through a\n"
        "private PGPASSFILE, never the command line); without pg_dump the command to run is shown.\n"
        "Exit codes: 0 written, 1 failed (or pg_dump missing), 2 TARGET_FILE exists or cannot be written."));
}

int BackupCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    const QStringList arguments = QStringList{QString()} + parser.positionalArguments();
    if (arguments.size() != 2)
        return usageError(streams, QStringLiteral("expects one TARGET_FILE"));
    CliStore cli(parser.value(m_store), QString());
    auto address = StoreAddress::parse(cli.path()); // parses: Command checked --store
    if (address.value().isPostgresql()) {
        // PostgreSQL's own tool makes the consistent copy (docs/admin.md, "Backups").
        auto dumped = PostgresClient::dump(address.value(), arguments.at(1));
        if (dumped) {
            streams.out << "backup " << arguments.at(1) << ": pg_dump custom format, " << dumped.value().bytes
                        << " bytes in " << dumped.value().milliseconds
                        << " ms (restore with pg_restore into an empty database, then madoguchi-cli audit verify; "
                           "keep the store's key file with it)"
                        << Qt::endl;
            return kExitOk;
        }
        if (dumped.error().code != ErrorCode::NotFound) {
            streams.err << "backup failed: " << dumped.error().message << Qt::endl;
            return dumped.error().code == ErrorCode::InvalidArgument ? kExitBadInput : kExitFailed;
        }
        streams.err << "backup: pg_dump is not installed (Debian: apt-get install postgresql-client). "
                    << "Run it as the store's owner role, with the password in ~/.pgpass or PGPASSFILE:\n  "
                    << PostgresClient::dumpCommand(address.value(), arguments.at(1))
                    << "\n(restore with pg_restore, then madoguchi-cli audit verify; see docs/admin.md)" << Qt::endl;
        return kExitFailed;
    }
    auto figures = StoreBackup::backup(address.value().path(), arguments.at(1));
    if (!figures) {
        streams.err << "backup failed: " << figures.error().message << Qt::endl;
        return CliStore::exitCodeFor(figures.error());
    }
    streams.out << "backup " << arguments.at(1) << ": " << figures.value().pages << " pages, " << figures.value().bytes
                << " bytes in " << figures.value().milliseconds << " ms" << Qt::endl;
    return kExitOk;
}

} // namespace mado::cli
