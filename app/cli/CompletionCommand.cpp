#include "app/cli/CompletionCommand.h"

#include "app/cli/BashCompletion.h"
#include "app/cli/CommandRegistry.h"

namespace mado::cli {

CompletionCommand::CompletionCommand(const CommandRegistry &registry)
    : Command(QStringLiteral("completion"), QStringLiteral("Print the shell completion script (bash)."),
              {QStringLiteral("bash")}),
      m_registry(registry)
{
    addArgument(QStringLiteral("bash"), QStringLiteral("The shell (the only one)."));
    setActions({QStringLiteral("bash")});
    setHelpNotes(QStringLiteral("The .deb installs it to /usr/share/bash-completion/completions/madoguchi-cli; "
                                "without it: source <(madoguchi-cli completion bash)"));
}

int CompletionCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    const QStringList arguments = parser.positionalArguments();
    if (arguments.size() != 1 || arguments.at(0) != QLatin1String("bash"))
        return usageError(streams, QStringLiteral("expects: bash (the only shell supported)"));
    streams.out << BashCompletion::script(m_registry.commands());
    return kExitOk;
}

} // namespace mado::cli
