#include "app/cli/PolicyCommand.h"

#include "app/cli/CliStore.h"

#include "core/workflow/ProcedurePolicy.h"

namespace mado::cli {

PolicyCommand::PolicyCommand()
    : Command(QStringLiteral("policy"), QStringLiteral("Show the procedures and their accepted identity methods."),
              {QStringLiteral("show [--store FILE]")}),
      m_store(addOption(CliStore::storeOption()))
{
    addArgument(QStringLiteral("show"), QStringLiteral("The action (the only one)."));
    setActions({QStringLiteral("show")});
    setHelpNotes(QStringLiteral("Exit codes: 0 shown, 1 cannot read the policy, 3 no store."));
}

int PolicyCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    const QStringList arguments = QStringList{QString()} + parser.positionalArguments();
    if (arguments.size() != 2 || arguments.at(1) != QLatin1String("show"))
        return usageError(streams, QStringLiteral("expects: show"));
    CliStore cli(parser.value(m_store), QString());
    CaseStore *store = cli.open(streams);
    if (!store)
        return kExitSetup;
    auto db = store->connections().database();
    auto procedures = ProcedurePolicy::current(db.value());
    if (!procedures) {
        streams.err << procedures.error().message << Qt::endl;
        return kExitFailed;
    }
    for (const Procedure &p : procedures.value()) {
        streams.out << p.key << " (" << p.nameJa << ") version " << p.version << ", changed by " << p.changedBy
                    << Qt::endl
                    << "  accepts:    " << p.acceptedMethods.join(QStringLiteral(", ")) << Qt::endl
                    << "  valid:      " << p.validFrom.toString(Qt::ISODate) << " to "
                    << (p.validUntil.isNull() ? QStringLiteral("(open)") : p.validUntil.toString(Qt::ISODate))
                    << Qt::endl
                    << "  basis:      " << p.legalBasis << Qt::endl;
        if (!p.holdExplanation.isEmpty())
            streams.out << "  when held:  " << p.holdExplanation << Qt::endl;
    }
    return kExitOk;
}

} // namespace mado::cli
