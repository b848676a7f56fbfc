#pragma once

#include "app/cli/Command.h"

namespace mado::cli {

// `eval [--json] [--cards | --liveness | --copies] DIR`: error rates of the face engine over
// DIR/<person>/<images> (FaceEvaluation, LivenessEvaluation, EvaluationSamples, CopySweep); this
// class only parses and prints.
class EvalCommand : public Command {
public:
    EvalCommand();

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;

private:
    int runMatchEval(const QString &directory, bool cards, bool json, CliStreams streams) const;
    int runLivenessEval(const QString &directory, bool json, CliStreams streams) const;
    int runCopyEval(const QString &directory, CliStreams streams) const;

    QCommandLineOption m_json;
    QCommandLineOption m_cards;
    QCommandLineOption m_liveness;
    QCommandLineOption m_copies;
};

} // namespace mado::cli
