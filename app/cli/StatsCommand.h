#pragma once

#include "app/cli/Command.h"

namespace mado::cli {

// `stats [--store FILE]`: cases per state and row counts of the main tables (no personal data).
class StatsCommand : public Command {
public:
    StatsCommand();

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;

private:
    QCommandLineOption m_store;
};

} // namespace mado::cli
