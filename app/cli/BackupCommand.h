#pragma once

#include "app/cli/Command.h"

namespace mado::cli {

// `backup TARGET_FILE [--store FILE]`: a consistent copy of the live store (SQLite online backup
// API); never overwrites TARGET_FILE.
class BackupCommand : public Command {
public:
    BackupCommand();

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;

private:
    QCommandLineOption m_store;
};

} // namespace mado::cli
