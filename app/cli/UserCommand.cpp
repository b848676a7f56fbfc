#include "app/cli/CliStore.h"

#include "core/security/UserDirectory.h"

namespace mado::cli {

// user add LOGIN ROLE [--name NAME] | user disable LOGIN | user passwd LOGIN, each with --as ACTOR.
// Standard input: the actor's password, then (add, passwd) the new password.
int runUser(QStringList arguments, CliStreams streams)
{
    CliStore cli(arguments);
    const QString sub = arguments.value(1);
    const QString login = arguments.value(2);
    QString name = login;
    if (int at = int(arguments.indexOf(QStringLiteral("--name"))); at >= 0 && at + 1 < arguments.size())
        name = arguments.at(at + 1);
    const bool known = (sub == QLatin1String("add") && arguments.size() >= 4) ||
                       ((sub == QLatin1String("disable") || sub == QLatin1String("passwd")) && arguments.size() >= 3);
    if (!known) {
        streams.err << "usage: madoguchi-cli user add LOGIN clerk|supervisor|admin [--name NAME] --as ADMIN\n"
                       "       madoguchi-cli user disable LOGIN --as ADMIN\n"
                       "       madoguchi-cli user passwd LOGIN --as ACTOR\n"
                       "       (passwords are read from standard input, one per line: the actor's, then the new one)"
                    << Qt::endl;
        return kExitUsage;
    }
    CaseStore *store = cli.open(streams);
    if (!store)
        return kExitSetup;
    auto session = cli.login(streams);
    if (!session)
        return kExitFailed;
    UserDirectory users(*store);
    Status result;
    if (sub == QLatin1String("add")) {
        const auto role = roleFromName(arguments.at(3));
        if (!role) {
            streams.err << "unknown role " << arguments.at(3) << " (clerk, supervisor, admin)" << Qt::endl;
            cli.logout(*session);
            return kExitUsage;
        }
        auto id = users.addUser(session->userId(), login, name, *role, CliStore::readSecretLine());
        result = id ? Status() : Status(id.error());
    } else if (sub == QLatin1String("disable")) {
        result = users.disableUser(session->userId(), login);
    } else {
        result = users.setPassword(session->userId(), login, CliStore::readSecretLine());
    }
    cli.logout(*session);
    if (!result) {
        streams.err << "user " << sub << " refused: " << result.error().message << Qt::endl;
        return CliStore::exitCodeFor(result.error());
    }
    streams.out << "user " << login << ": " << sub << " done" << Qt::endl;
    return kExitOk;
}

} // namespace mado::cli
