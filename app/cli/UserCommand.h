#pragma once

#include "app/cli/Command.h"

namespace mado::cli {

// `user add LOGIN ROLE [--name NAME] | user disable LOGIN | user passwd LOGIN`, each with
// --as ACTOR. Standard input: the actor's password, then (add, passwd) the new password.
class UserCommand : public Command {
public:
    UserCommand();

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;

private:
    QCommandLineOption m_store;
    QCommandLineOption m_as;
    QCommandLineOption m_name;
};

} // namespace mado::cli
