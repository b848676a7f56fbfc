#include "app/cli/CliStore.h"

#include "core/workflow/ProcedurePolicy.h"

namespace mado::cli {

// policy show: the current version of every procedure with its identity methods and legal basis.
int runPolicy(QStringList arguments, CliStreams streams)
{
    CliStore cli(arguments);
    if (arguments.value(1) != QLatin1String("show") || arguments.size() != 2) {
        streams.err << "usage: madoguchi-cli policy show [--store FILE]" << Qt::endl;
        return kExitUsage;
    }
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
