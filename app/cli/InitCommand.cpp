#include "app/cli/CliStore.h"

#include "core/security/UserDirectory.h"
#include "core/store/Migrator.h"

namespace mado::cli {

// init [--store FILE] [--admin LOGIN [--name NAME]]: creates or migrates the store; with --admin,
// creates the first admin account (password from standard input).
int runInit(QStringList arguments, CliStreams streams)
{
    CliStore cli(arguments);
    QString admin, name;
    for (int i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--admin") && i + 1 < arguments.size())
            admin = arguments.at(++i);
        else if (arguments.at(i) == QLatin1String("--name") && i + 1 < arguments.size())
            name = arguments.at(++i);
        else {
            streams.err << "usage: madoguchi-cli init [--store FILE] [--admin LOGIN [--name NAME]]" << Qt::endl;
            return kExitUsage;
        }
    }
    CaseStore *store = cli.open(streams, true);
    if (!store)
        return kExitSetup;
    streams.out << "store " << cli.path() << " at schema version " << Migrator::latestVersion() << Qt::endl;
    if (admin.isEmpty())
        return kExitOk;
    auto id = UserDirectory(*store).bootstrapAdmin(admin, name.isEmpty() ? admin : name, CliStore::readSecretLine());
    if (!id) {
        streams.err << "cannot create the admin: " << id.error().message << Qt::endl;
        return CliStore::exitCodeFor(id.error());
    }
    streams.out << "admin " << admin << " created" << Qt::endl;
    return kExitOk;
}

} // namespace mado::cli
