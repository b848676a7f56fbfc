#pragma once

#include "app/cli/Command.h"

namespace mado::cli {

class CommandRegistry;

// `completion bash`: prints the bash completion script generated from the registry
// (BashCompletion). To use it without the package: `source <(madoguchi-cli completion bash)`.
class CompletionCommand : public Command {
public:
    explicit CompletionCommand(const CommandRegistry &registry);

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;

private:
    const CommandRegistry &m_registry;
};

} // namespace mado::cli
