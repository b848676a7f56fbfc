#pragma once

#include "app/cli/Command.h"

namespace mado::cli {

// `match [--json] [--models DIR] DOCUMENT_IMAGE SELFIE_IMAGE`: compares the face on an identity
// document with a selfie and prints the distance and band. Exit 2 for an unusable image, 3 when
// the models are missing.
class MatchCommand : public Command {
public:
    MatchCommand();

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;

private:
    QCommandLineOption m_json;
    QCommandLineOption m_models;
};

} // namespace mado::cli
