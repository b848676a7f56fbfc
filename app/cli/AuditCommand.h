#pragma once

#include "app/cli/Command.h"

namespace mado::cli {

// `audit verify [--store FILE]`: recomputes the audit hash chain; exit 0 when intact, 1 naming
// the first broken entry.
class AuditCommand : public Command {
public:
    AuditCommand();

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;

private:
    QCommandLineOption m_store;
};

} // namespace mado::cli
