#pragma once

#include "app/cli/Command.h"

namespace mado::cli {

// `info`: the program's and Qt's versions, the models directory and the BLAS library in use.
class InfoCommand : public Command {
public:
    InfoCommand();

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;
};

} // namespace mado::cli
