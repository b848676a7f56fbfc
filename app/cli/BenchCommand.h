#pragma once

#include "app/cli/Command.h"

namespace mado::cli {

// `bench [--json] [--cases N] [--rounds N] [--samples DIR]`: case verification timings next to the
// plain dlib baseline (VerificationBenchmark); `bench descriptor IMAGE_DIR [ROUNDS]`: per-stage
// medians of the face pipeline (DescriptorBenchmark). This class only parses and prints.
class BenchCommand : public Command {
public:
    BenchCommand();

protected:
    int execute(const QCommandLineParser &parser, CliStreams streams) override;

private:
    int runCaseBench(const QCommandLineParser &parser, CliStreams streams) const;
    int runDescriptorBench(const QStringList &arguments, CliStreams streams) const;

    QCommandLineOption m_json;
    QCommandLineOption m_cases;
    QCommandLineOption m_rounds;
    QCommandLineOption m_samples;
};

} // namespace mado::cli
