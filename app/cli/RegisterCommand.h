#pragma once

#include "app/cli/Command.h"

namespace mado::cli {

// `register import FILE.csv --as ADMIN`: imports the resident register's valid rows and lists
// the bad ones (line, field, reason); exit 0 when every row was imported, 1 when some were rejected.
class RegisterCommand : public Command {
public:
    RegisterCommand();

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;

private:
    QCommandLineOption m_store;
    QCommandLineOption m_as;
};

} // namespace mado::cli
