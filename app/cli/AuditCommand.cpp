#include "app/cli/CliStore.h"

#include "core/store/AuditChain.h"

namespace mado::cli {

// audit verify: recomputes the hash chain; exit 0 when intact, 1 naming the first broken entry.
int runAudit(QStringList arguments, CliStreams streams)
{
    CliStore cli(arguments);
    if (arguments.value(1) != QLatin1String("verify") || arguments.size() != 2) {
        streams.err << "usage: madoguchi-cli audit verify [--store FILE]" << Qt::endl;
        return kExitUsage;
    }
    CaseStore *store = cli.open(streams);
    if (!store)
        return kExitSetup;
    auto db = store->connections().database();
    if (!db) {
        streams.err << db.error().message << Qt::endl;
        return kExitFailed;
    }
    auto result = AuditChain::verify(db.value());
    if (!result) {
        streams.err << "cannot read the audit: " << result.error().message << Qt::endl;
        return kExitFailed;
    }
    if (!result.value().ok) {
        streams.out << "audit chain BROKEN at entry " << result.value().firstBroken << ": " << result.value().problem
                    << Qt::endl;
        return kExitFailed;
    }
    streams.out << "audit chain ok: " << result.value().entries << " entries, head " << result.value().headHash
                << Qt::endl;
    return kExitOk;
}

} // namespace mado::cli
