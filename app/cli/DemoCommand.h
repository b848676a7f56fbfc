#pragma once

#include "app/cli/Command.h"

namespace mado::cli {

// `demo prepare OUT_DIR [--samples DIR]`: the demo's applications as case bundles with frame pools
// (see DemoCases), the matching resident register (register.csv) and scenarios.txt.
class DemoCommand : public Command {
public:
    DemoCommand();

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;

private:
    QCommandLineOption m_samples;
};

} // namespace mado::cli
