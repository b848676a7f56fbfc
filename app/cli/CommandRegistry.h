#pragma once

#include "app/cli/Command.h"

#include <memory>
#include <vector>

namespace mado::cli {

// The commands of madoguchi-cli, in the order `madoguchi-cli --help` lists them, and the program's
// top level: `--help`/`-h` and `--version`/`-v` (standard output, exit 0), the command's name
// (the rest of the line goes to the command), and usage errors (no or an unknown command, an
// unknown top-level option: one line on standard error, exit 64). The bash completion and the
// tests read the same list, so a new command is completed and tested without further edits.
class CommandRegistry {
public:
    CommandRegistry();
    ~CommandRegistry();

    const std::vector<std::unique_ptr<Command>> &commands() const { return m_commands; }
    Command *find(const QString &name) const;
    QString helpText() const;

    // `arguments` without the program's name.
    int run(const QStringList &arguments, CliStreams streams) const;

private:
    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace mado::cli
