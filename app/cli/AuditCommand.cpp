#include "app/cli/AuditCommand.h"

#include "app/cli/CliStore.h"

#include "core/store/AuditChain.h"

namespace mado::cli {

AuditCommand::AuditCommand()
    : Command(QStringLiteral("audit"), QStringLiteral("Check the audit log's hash chain."),
              {QStringLiteral("verify [--store FILE]")}),
      m_store(addOption(CliStore::storeOption()))
{
    addArgument(QStringLiteral("verify"), QStringLiteral("The action (the only one)."));
    setActions({QStringLiteral("verify")});
    setHelpNotes(QStringLiteral("Exit codes: 0 the chain is intact, 1 broken (the first broken entry is named) or "
                                "unreadable, 3 no store."));
}

int AuditCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    const QStringList arguments = QStringList{QString()} + parser.positionalArguments();
    if (arguments.size() != 2 || arguments.at(1) != QLatin1String("verify"))
        return usageError(streams, QStringLiteral("expects: verify"));
    CliStore cli(parser.value(m_store), QString());
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
