#include "app/cli/RegisterCommand.h"

#include "app/cli/CliStore.h"

#include "core/issuance/ResidentRegisterImport.h"

namespace mado::cli {

RegisterCommand::RegisterCommand()
    : Command(QStringLiteral("register"), QStringLiteral("Import the resident register (CSV)."),
              {QStringLiteral("import FILE.csv --as ADMIN [--store FILE]")}),
      m_store(addOption(CliStore::storeOption())), m_as(addOption(CliStore::asOption(QStringLiteral("this admin"))))
{
    addArgument(QStringLiteral("import"), QStringLiteral("The action (the only one)."));
    addArgument(QStringLiteral("FILE.csv"), QStringLiteral("UTF-8 CSV, columns as in docs/store.md."));
    setActions({QStringLiteral("import")});
    setHelpNotes(QStringLiteral("Standard input: the admin's password.\nExit codes: 0 every row imported, 1 some "
                                "rows rejected or the login refused, 2 the file is unreadable, 3 no store."));
}

int RegisterCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    const QStringList arguments = QStringList{QString()} + parser.positionalArguments();
    if (arguments.size() != 3 || arguments.at(1) != QLatin1String("import"))
        return usageError(streams, QStringLiteral("expects: import FILE.csv"));
    CliStore cli(parser.value(m_store), parser.value(m_as));
    std::optional<Session> session;
    if (const int failed = logIn(cli, QStringLiteral("ADMIN"), session, streams); failed != kExitOk)
        return failed;
    auto report = ResidentRegisterImport::importFile(cli.store(), session->userId(), arguments.at(2));
    cli.logout(*session);
    if (!report) {
        streams.err << "register import refused: " << report.error().message << Qt::endl;
        return CliStore::exitCodeFor(report.error());
    }
    for (const auto &problem : report.value().problems) {
        streams.out << "line " << problem.line << ": "
                    << (problem.field.isEmpty() ? QString() : problem.field + QStringLiteral(" ")) << problem.reason
                    << Qt::endl;
    }
    streams.out << report.value().imported << " rows imported, " << report.value().problems.size() << " rejected"
                << Qt::endl;
    return report.value().problems.empty() ? kExitOk : kExitFailed;
}

} // namespace mado::cli
