#include "app/cli/CliStore.h"

#include "core/issuance/ResidentRegisterImport.h"

namespace mado::cli {

// register import FILE.csv --as ADMIN: imports the valid rows, lists the bad ones (line, field,
// reason); exit 0 when every row was imported, 1 when some were rejected.
int runRegister(QStringList arguments, CliStreams streams)
{
    CliStore cli(arguments);
    if (arguments.value(1) != QLatin1String("import") || arguments.size() != 3) {
        streams.err << "usage: madoguchi-cli register import FILE.csv --as ADMIN [--store FILE]" << Qt::endl
                    << "       (the admin's password is read from standard input)" << Qt::endl;
        return kExitUsage;
    }
    CaseStore *store = cli.open(streams);
    if (!store)
        return kExitSetup;
    auto session = cli.login(streams);
    if (!session)
        return kExitFailed;
    auto report = ResidentRegisterImport::importFile(*store, session->userId(), arguments.at(2));
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
