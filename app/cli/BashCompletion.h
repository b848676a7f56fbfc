#pragma once

#include <QString>

#include <memory>
#include <vector>

namespace mado::cli {

class Command;

// Writes the bash completion script of madoguchi-cli from the commands' names, options and
// actions, so that it cannot drift from the program: the command after `madoguchi-cli`, a
// command's options after `-`, its action words ("check", "add") as the first argument, file names
// after an option that takes a value and elsewhere. Installed to
// share/bash-completion/completions/madoguchi-cli (app/CMakeLists.txt).
class BashCompletion {
public:
    static QString script(const std::vector<std::unique_ptr<Command>> &commands);
};

} // namespace mado::cli
