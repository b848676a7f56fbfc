#pragma once

#include "app/cli/Command.h"

namespace mado::cli {

// `reverify [--pending] --as USER`: runs the face engine on the store's cases as USER (a clerk or
// supervisor; password on standard input). --pending verifies the imported cases (imported ->
// verified/held, with the replay check across cases); without it, cases whose latest verdict was
// made with other thresholds or another engine version get a new verdict. Exit 0 when every case
// was verified, 1 when some failed.
class ReverifyCommand : public Command {
public:
    ReverifyCommand();

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;

private:
    QCommandLineOption m_store;
    QCommandLineOption m_as;
    QCommandLineOption m_pending;
};

} // namespace mado::cli
