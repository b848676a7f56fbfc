#pragma once

#include "app/cli/Command.h"

namespace mado::cli {

// `samples split IMAGE LABELS.json OUTDIR`: cuts the labelled faces of a group photo into
// OUTDIR/<person>/NN.jpg for `eval` (LABELS: {"people": {"name": [[x, y], ...]}}, one point per
// face, its centre in image pixels). `samples card PORTRAIT OUT.jpg [SEED] [TYPE]`: a photographed
// specimen card. `samples case PHOTO_DIR OUT_DIR [SEED]`: a case bundle from five photos of one
// person (the first on a card, the next four as selfie frames).
class SamplesCommand : public Command {
public:
    SamplesCommand();

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;

private:
    int runSplit(const QStringList &arguments, CliStreams streams) const;
    int runCard(const QStringList &arguments, CliStreams streams) const;
    int runCase(const QStringList &arguments, CliStreams streams) const;
};

} // namespace mado::cli
