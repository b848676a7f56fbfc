#include "app/cli/StoreCommand.h"

#include "app/cli/CliStore.h"

#include "core/crypto/Keyring.h"
#include "core/domain/SystemClock.h"
#include "core/store/StoreCopy.h"
#include "core/store/StoreKey.h"
#include "core/store/StoreRekey.h"

namespace mado::cli {

StoreCommand::StoreCommand()
    : Command(QStringLiteral("store"),
              QStringLiteral("Show the case store's data key, seal the images under a new key, or copy a store."),
              {QStringLiteral("key [--store FILE]     the key file, its id, sealed and plain images"),
               QStringLiteral("rekey [--store FILE]   seal every case image under a new key"),
               QStringLiteral("copy --from STORE --to STORE   copy a whole store into a new, empty one")}),
      m_store(addOption(CliStore::storeOption())),
      m_from(addOption(QCommandLineOption(
          QStringLiteral("from"), QStringLiteral("copy: the store to copy (a path, sqlite:PATH or postgresql://…)."),
          QStringLiteral("STORE")))),
      m_to(addOption(QCommandLineOption(QStringLiteral("to"),
                                        QStringLiteral("copy: the new, empty store to copy into (created if needed)."),
                                        QStringLiteral("STORE")))),
      m_fromPasswordFile(addOption(QCommandLineOption(
          QStringLiteral("from-password-file"), QStringLiteral("copy: password file of a PostgreSQL --from store."),
          QStringLiteral("FILE")))),
      m_toPasswordFile(addOption(QCommandLineOption(QStringLiteral("to-password-file"),
                                                    QStringLiteral("copy: password file of a PostgreSQL --to store."),
                                                    QStringLiteral("FILE"))))
{
    addArgument(QStringLiteral("ACTION"), QStringLiteral("key, rekey or copy."), QStringLiteral("key|rekey|copy"));
    setActions({QStringLiteral("key"), QStringLiteral("rekey"), QStringLiteral("copy")});
    setHelpNotes(QStringLiteral(
        "The key file lies next to the store (STORE.key, mode 0600).\n"
        "copy refuses a target with data, checks row counts, the audit chain and every image before it commits,\n"
        "and re-seals the images under the target's own key (docs/admin.md, \"Moving a store\").\n"
        "Exit codes: 0 done, 1 failed (run rekey again: nothing is lost; copy: the target is unchanged),\n"
        "2 copy refused (target not empty, unknown table), 3 no store."));
}

int StoreCommand::showKey(CaseStore &store, const QString &path, CliStreams streams) const
{
    auto db = store.connections().database();
    if (!db) {
        streams.err << db.error().message << Qt::endl;
        return CliStore::exitCodeFor(db.error());
    }
    const auto sealed = StoreKey::countImages(db.value(), true);
    const auto plain = StoreKey::countImages(db.value(), false);
    if (!sealed || !plain) {
        streams.err << (sealed ? plain.error() : sealed.error()).message << Qt::endl;
        return kExitFailed;
    }
    streams.out << "key file " << StoreKey::keyFileFor(path) << ", key " << store.keyring().current().idHex() << "; "
                << sealed.value() << " images sealed, " << plain.value()
                << " stored before encryption (sealed by `store rekey`)" << Qt::endl;
    return kExitOk;
}

int StoreCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    const QStringList arguments = parser.positionalArguments();
    const QString action = arguments.value(0);
    if (arguments.size() != 1 ||
        (action != QLatin1String("rekey") && action != QLatin1String("key") && action != QLatin1String("copy")))
        return usageError(streams, QStringLiteral("expects key, rekey or copy"));
    if (action == QLatin1String("copy"))
        return copy(parser, streams);
    CliStore cli(parser.value(m_store), QString());
    CaseStore *store = cli.open(streams);
    if (!store)
        return kExitSetup;
    if (action == QLatin1String("key"))
        return showKey(*store, cli.path(), streams);
    const auto counts = StoreRekey::run(*store, cli.path());
    if (!counts) {
        streams.err << "rekey stopped: " << counts.error().message
                    << " (nothing is lost: run `madoguchi-cli store rekey` again)" << Qt::endl;
        return CliStore::exitCodeFor(counts.error());
    }
    streams.out << "rekey: " << counts.value().resealed << " images sealed under key " << counts.value().keyId << " ("
                << counts.value().current << " were already); key file " << StoreKey::keyFileFor(cli.path())
                << " replaced. Back it up now; backups made before hold images under the old key." << Qt::endl;
    return kExitOk;
}

int StoreCommand::copy(const QCommandLineParser &parser, CliStreams streams) const
{
    if (!parser.isSet(m_from) || !parser.isSet(m_to))
        return usageError(streams, QStringLiteral("copy expects --from STORE and --to STORE"));
    auto from = StoreAddress::parse(parser.value(m_from));
    auto to = StoreAddress::parse(parser.value(m_to));
    if (!from || !to)
        return usageError(streams, (from ? to.error() : from.error()).message);
    if (parser.isSet(m_fromPasswordFile))
        from.value().setPasswordFile(parser.value(m_fromPasswordFile));
    if (parser.isSet(m_toPasswordFile))
        to.value().setPasswordFile(parser.value(m_toPasswordFile));
    const SystemClock clock;
    auto report = StoreCopy::copy(from.value(), to.value(), clock);
    if (!report) {
        streams.err << "store copy: " << report.error().message << Qt::endl;
        return CliStore::exitCodeFor(report.error());
    }
    const StoreCopy::Report &copied = report.value();
    streams.out << "copied " << from.value().display() << " to " << to.value().display() << " in "
                << copied.milliseconds << " ms:" << Qt::endl;
    for (const auto &[table, rows] : copied.rows)
        streams.out << "  " << table << ": " << rows << Qt::endl;
    streams.out << "audit chain verified: " << copied.auditEntries << " entries, head " << copied.auditHead
                << " (one store_copied entry appended)" << Qt::endl
                << copied.images << " images opened and sealed under the target's key " << copied.targetKeyFile
                << ": copy that file to every workstation of the new store and keep a copy with its backups."
                << Qt::endl;
    return kExitOk;
}

} // namespace mado::cli
