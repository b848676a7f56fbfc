#pragma once

#include "app/cli/Command.h"

namespace mado::cli {

// `policy show [--store FILE]`: the current version of every procedure with its identity methods
// and legal basis.
class PolicyCommand : public Command {
public:
    PolicyCommand();

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;

private:
    QCommandLineOption m_store;
};

} // namespace mado::cli
