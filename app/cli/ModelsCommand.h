#pragma once

#include "app/cli/Command.h"

namespace mado::cli {

// `models check [DIR]`: checks dlib's model files (present, SHA-256 as shipped) in DIR or the
// default models directory. Exit 3 when one is missing or corrupt.
class ModelsCommand : public Command {
public:
    ModelsCommand();

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;
};

} // namespace mado::cli
