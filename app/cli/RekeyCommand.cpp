#include "app/cli/CliStore.h"

#include "core/crypto/Keyring.h"
#include "core/store/StoreKey.h"
#include "core/store/StoreRekey.h"

namespace mado::cli {

namespace {

int usage(CliStreams streams)
{
    streams.err << "usage: madoguchi-cli store rekey [--store FILE]   seal every case image under a new key\n"
                   "       madoguchi-cli store key [--store FILE]     the key file, its id, sealed and plain images"
                << Qt::endl;
    return kExitUsage;
}

} // namespace

// store rekey | store key: the case store's data key (StoreKey, StoreRekey).
int runStore(QStringList arguments, CliStreams streams)
{
    CliStore cli(arguments);
    const QString sub = arguments.value(1);
    if (arguments.size() != 2 || (sub != QLatin1String("rekey") && sub != QLatin1String("key")))
        return usage(streams);
    CaseStore *store = cli.open(streams);
    if (!store)
        return kExitFailed;
    if (sub == QLatin1String("key")) {
        auto db = store->connections().database();
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
        streams.out << "key file " << StoreKey::keyFileFor(cli.path()) << ", key " << store->keyring().current().idHex()
                    << "; " << sealed.value() << " images sealed, " << plain.value()
                    << " stored before encryption (sealed by `store rekey`)" << Qt::endl;
        return kExitOk;
    }
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
