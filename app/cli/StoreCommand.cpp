#include "app/cli/StoreCommand.h"

#include "app/cli/CliStore.h"

#include "core/crypto/Keyring.h"
#include "core/store/StoreKey.h"
#include "core/store/StoreRekey.h"

namespace mado::cli {

StoreCommand::StoreCommand()
    : Command(QStringLiteral("store"), QStringLiteral("Show the case store's data key or seal the images under a new key."),
              {QStringLiteral("key [--store FILE]     the key file, its id, sealed and plain images"),
               QStringLiteral("rekey [--store FILE]   seal every case image under a new key")}),
      m_store(addOption(CliStore::storeOption()))
{
    addArgument(QStringLiteral("ACTION"), QStringLiteral("key or rekey."), QStringLiteral("key|rekey"));
    setActions({QStringLiteral("key"), QStringLiteral("rekey")});
    setHelpNotes(QStringLiteral("The key file lies next to the store (STORE.key, mode 0600).\n"
                                "Exit codes: 0 done, 1 failed (run rekey again: nothing is lost), 3 no store."));
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
    if (arguments.size() != 1 || (action != QLatin1String("rekey") && action != QLatin1String("key")))
        return usageError(streams, QStringLiteral("expects key or rekey"));
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

} // namespace mado::cli
