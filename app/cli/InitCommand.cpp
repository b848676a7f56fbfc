#include "app/cli/InitCommand.h"

#include "app/cli/CliStore.h"
#include "core/security/UserDirectory.h"
#include "core/store/Migrator.h"

namespace mado::cli {

InitCommand::InitCommand()
    : Command(QStringLiteral("init"),
              QStringLiteral("Create or migrate the case store, optionally with the first admin."),
              {QStringLiteral("[--store FILE] [--admin LOGIN [--name NAME]]")}),
      m_store(addOption(CliStore::storeOption())),
      m_admin(addOption({QStringLiteral("admin"), QStringLiteral("Create the first admin account with this login."),
                         QStringLiteral("LOGIN")})),
      m_name(addOption({QStringLiteral("name"), QStringLiteral("The admin's display name (default: the login)."),
                        QStringLiteral("NAME")}))
{
    setHelpNotes(QStringLiteral("Standard input (with --admin): the new admin's password.\n"
                                "Exit codes: 0 done, 1 refused (an admin exists already), 2 bad password, 3 the "
                                "store cannot be opened or is newer than this program."));
}

int InitCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    if (!parser.positionalArguments().isEmpty())
        return usageError(streams, QStringLiteral("takes no arguments"));
    const QString admin = parser.value(m_admin);
    const QString name = parser.value(m_name);
    if (admin.isEmpty() && parser.isSet(m_name))
        return usageError(streams, QStringLiteral("--name goes with --admin"));
    CliStore cli(parser.value(m_store), QString());
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
