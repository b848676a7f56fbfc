#include "app/cli/BackupCommand.h"

#include "app/cli/CliStore.h"

#include "core/store/StoreAddress.h"
#include "core/store/StoreBackup.h"

namespace mado::cli {

BackupCommand::BackupCommand()
    : Command(QStringLiteral("backup"), QStringLiteral("Make an online backup of the case store."),
              {QStringLiteral("TARGET_FILE [--store STORE]")}),
      m_store(addOption(CliStore::storeOption()))
{
    addArgument(QStringLiteral("TARGET_FILE"), QStringLiteral("The copy to write (never overwritten)."));
    setHelpNotes(QStringLiteral("Exit codes: 0 written, 1 failed, 2 TARGET_FILE exists or cannot be written."));
}

int BackupCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    const QStringList arguments = QStringList{QString()} + parser.positionalArguments();
    if (arguments.size() != 2)
        return usageError(streams, QStringLiteral("expects one TARGET_FILE"));
    CliStore cli(parser.value(m_store), QString());
    auto address = StoreAddress::parse(cli.path()); // parses: Command checked --store
    if (address.value().isPostgresql()) {
        // PostgreSQL's own tool makes a consistent copy; the owner role runs it (docs/admin.md).
        streams.err << "backup copies SQLite stores; for this PostgreSQL store run, as its owner role:\n"
                    << "  pg_dump --format=custom --file=" << arguments.at(1) << " '" << address.value().display()
                    << "'\n(restore with pg_restore, then madoguchi-cli audit verify; see docs/admin.md)" << Qt::endl;
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
