#pragma once

#include "app/cli/Command.h"

namespace mado::cli {

// `import [--once] --receiver URL --token-file FILE [--ca-file PEM] [--interval SECONDS]`: pulls
// applications from the receiver into the store (Importer, ImportWorker). --once runs one round
// and exits (0 when every leased application was imported, 1 otherwise or when the receiver
// cannot be reached); without it the command keeps importing, retrying with backoff while the
// receiver is down. `import --failures`: lists the applications that could not be imported.
class ImportCommand : public Command {
public:
    ImportCommand();

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;

private:
    QCommandLineOption m_store;
    QCommandLineOption m_once;
    QCommandLineOption m_failures;
    QCommandLineOption m_receiver;
    QCommandLineOption m_tokenFile;
    QCommandLineOption m_caFile;
    QCommandLineOption m_interval;
};

} // namespace mado::cli
