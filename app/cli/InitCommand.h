#pragma once

#include "app/cli/Command.h"

namespace mado::cli {

// `init [--store FILE] [--admin LOGIN [--name NAME]]`: creates or migrates the case store; with
// --admin, creates the first admin account (its password is read from standard input).
class InitCommand : public Command {
public:
    InitCommand();

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;

private:
    QCommandLineOption m_store;
    QCommandLineOption m_admin;
    QCommandLineOption m_name;
};

} // namespace mado::cli
