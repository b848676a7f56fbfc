#include "app/cli/UserCommand.h"

#include "app/cli/CliStore.h"
#include "core/security/UserDirectory.h"

namespace mado::cli {

UserCommand::UserCommand()
    : Command(QStringLiteral("user"), QStringLiteral("Add or disable a staff account, or set a password."),
              {QStringLiteral("add LOGIN clerk|supervisor|admin [--name NAME] --as ADMIN [--store FILE]"),
               QStringLiteral("disable LOGIN --as ADMIN [--store FILE]"),
               QStringLiteral("passwd LOGIN --as ACTOR [--store FILE]")}),
      m_store(addOption(CliStore::storeOption())),
      m_as(addOption(CliStore::asOption(QStringLiteral("this user (an admin, or the account itself for passwd)")))),
      m_name(addOption({QStringLiteral("name"), QStringLiteral("The new account's display name (default: the login)."),
                        QStringLiteral("NAME")}))
{
    addArgument(QStringLiteral("ACTION"), QStringLiteral("add, disable or passwd."));
    addArgument(QStringLiteral("LOGIN"), QStringLiteral("The account."));
    addArgument(QStringLiteral("ROLE"), QStringLiteral("For add: clerk, supervisor or admin."),
                QStringLiteral("[ROLE]"));
    setActions({QStringLiteral("add"), QStringLiteral("disable"), QStringLiteral("passwd")});
    setHelpNotes(QStringLiteral("Standard input, one per line: the actor's password, then (add, passwd) the new "
                                "password.\nExit codes: 0 done, 1 refused (login, role), 2 bad input (password too "
                                "short), 3 no store."));
}

int UserCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    const QStringList arguments = parser.positionalArguments();
    const QString action = arguments.value(0);
    const bool add = action == QLatin1String("add") && arguments.size() == 3;
    const bool other =
        (action == QLatin1String("disable") || action == QLatin1String("passwd")) && arguments.size() == 2;
    if (!add && !other)
        return usageError(streams, QStringLiteral("expects add LOGIN ROLE, disable LOGIN or passwd LOGIN"));
    std::optional<Role> role;
    if (add) {
        role = roleFromName(arguments.at(2));
        if (!role)
            return usageError(streams,
                              QStringLiteral("unknown role %1 (clerk, supervisor, admin)").arg(arguments.at(2)));
    }
    const QString login = arguments.at(1);
    CliStore cli(parser.value(m_store), parser.value(m_as));
    std::optional<Session> session;
    if (const int failed = logIn(cli, QStringLiteral("LOGIN"), session, streams); failed != kExitOk)
        return failed;
    UserDirectory users(cli.store());
    Status result;
    if (add) {
        const QString name = parser.isSet(m_name) ? parser.value(m_name) : login;
        auto id = users.addUser(session->userId(), login, name, *role, CliStore::readSecretLine());
        result = id ? Status() : Status(id.error());
    } else if (action == QLatin1String("disable")) {
        result = users.disableUser(session->userId(), login);
    } else {
        result = users.setPassword(session->userId(), login, CliStore::readSecretLine());
    }
    cli.logout(*session);
    if (!result) {
        streams.err << "user " << action << " refused: " << result.error().message << Qt::endl;
        return CliStore::exitCodeFor(result.error());
    }
    streams.out << "user " << login << ": " << action << " done" << Qt::endl;
    return kExitOk;
}

} // namespace mado::cli
