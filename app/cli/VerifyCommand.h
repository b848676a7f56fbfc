#pragma once

#include "app/cli/Command.h"

namespace mado::cli {

// `verify [--json] BUNDLE_DIR`: the full face verification of one case bundle (the verdict, its
// checks and frames). Exit 2 for an unusable bundle, 3 when models or thresholds are missing.
class VerifyCommand : public Command {
public:
    VerifyCommand();

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;

private:
    QCommandLineOption m_json;
    QCommandLineOption m_anchors;
    QCommandLineOption m_crls;
};

} // namespace mado::cli
