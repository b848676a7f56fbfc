#include "app/cli/BenchCommand.h"

#include "core/evaluation/DescriptorBenchmark.h"
#include "core/face/ModelSet.h"
#include "core/evaluation/VerificationBenchmark.h"

#include <QDir>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <algorithm>

namespace mado::cli {

namespace {
QString defaultSamples()
{
    return QDir(qEnvironmentVariable("MADOGUCHI_SAMPLES_DIR",
                                     QDir::homePath() + QStringLiteral("/.cache/madoguchi/samples")))
        .filePath(QStringLiteral("johns"));
}

// A positive count from an option or argument; 0 when it is not one.
int positive(const QString &text)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    return ok && value > 0 ? value : 0;
}
} // namespace

BenchCommand::BenchCommand()
    : Command(QStringLiteral("bench"),
              QStringLiteral("Time case verification against plain dlib, or the face pipeline."),
              {QStringLiteral("[--json] [--cases N] [--rounds N] [--samples DIR]"),
               QStringLiteral("descriptor IMAGE_DIR [ROUNDS]")}),
      m_json(addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")})),
      m_cases(addOption({QStringLiteral("cases"), QStringLiteral("Number of generated cases."), QStringLiteral("N"),
                         QStringLiteral("8")})),
      m_rounds(addOption({QStringLiteral("rounds"), QStringLiteral("Rounds over the cases."), QStringLiteral("N"),
                          QStringLiteral("3")})),
      m_samples(addOption({QStringLiteral("samples"), QStringLiteral("Photos, DIR/<person>/<photos>."),
                           QStringLiteral("DIR"), defaultSamples()}))
{
    addArgument(QStringLiteral("descriptor"), QStringLiteral("Time detection, alignment and descriptor instead."),
                QStringLiteral("[descriptor IMAGE_DIR [ROUNDS]]"));
    setActions({QStringLiteral("descriptor")});
    setHelpNotes(QStringLiteral("Exit codes: 0 measured, 1 failed (no face found by `bench descriptor`), 3 models or "
                                "thresholds missing."));
}

int BenchCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    const QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty())
        return runCaseBench(parser, streams);
    if (arguments.at(0) != QLatin1String("descriptor") || arguments.size() < 2 || arguments.size() > 3)
        return usageError(streams, QStringLiteral("expects no arguments, or: descriptor IMAGE_DIR [ROUNDS]"));
    return runDescriptorBench(arguments, streams);
}

int BenchCommand::runCaseBench(const QCommandLineParser &parser, CliStreams streams) const
{
    const int cases = positive(parser.value(m_cases));
    const int rounds = positive(parser.value(m_rounds));
    if (cases == 0 || rounds == 0)
        return usageError(streams, QStringLiteral("--cases and --rounds take a positive number"));
    auto thresholds = FaceThresholds::shipped();
    if (!thresholds) {
        streams.err << "madoguchi-cli bench: " << thresholds.error().message << Qt::endl;
        return kExitSetup;
    }
    QTemporaryDir work;
    VerificationBenchmark::Options options;
    options.samplesDirectory = parser.value(m_samples);
    options.workDirectory = work.path();
    options.cases = cases;
    options.rounds = rounds;
    auto report = VerificationBenchmark::run(ModelSet(), thresholds.value(), options);
    if (!report) {
        streams.err << "madoguchi-cli bench: " << report.error().message << Qt::endl;
        return report.error().code == ErrorCode::ModelMissing || report.error().code == ErrorCode::ModelCorrupt
                   ? kExitSetup
                   : kExitFailed;
    }
    const VerificationBenchmark::Report &r = report.value();
    if (parser.isSet(m_json)) {
        streams.out << QJsonDocument(r.toJson()).toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    auto ms = [](double v) { return QString::number(v, 'f', 1) + QStringLiteral(" ms"); };
    streams.out << "cases:                  " << r.cases << " (12 MP specimen-card photo + 4 frames 1280x720), "
                << options.rounds << " rounds" << Qt::endl
                << "blas:                   " << r.blas << Qt::endl
                << "stage medians:         ";
    for (auto it = r.stageMedianMs.begin(); it != r.stageMedianMs.end(); ++it)
        streams.out << ' ' << it.key() << ' ' << ms(it.value());
    streams.out << Qt::endl
                << "per case (2 lanes):     median " << ms(r.perCaseMedianMs) << ", p95 " << ms(r.perCaseP95Ms)
                << Qt::endl
                << "per case (1 lane):      median " << ms(r.perCaseOneLaneMedianMs) << Qt::endl
                << "batch throughput:       1 worker " << QString::number(r.throughputOneWorker, 'f', 2)
                << " cases/s, 2 workers " << QString::number(r.throughputTwoWorkers, 'f', 2) << " cases/s (x"
                << QString::number(r.throughputTwoWorkers / std::max(1e-9, r.throughputOneWorker), 'f', 2) << ")"
                << Qt::endl
                << "plain dlib baseline:    median " << ms(r.baselinePerCaseMedianMs) << " per case (same images)"
                << Qt::endl
                << "speed-up over baseline: x" << QString::number(r.speedup, 'f', 1) << Qt::endl;
    return kExitOk;
}

int BenchCommand::runDescriptorBench(const QStringList &arguments, CliStreams streams) const
{
    const int rounds = arguments.size() > 2 ? positive(arguments.at(2)) : 3;
    if (rounds == 0)
        return usageError(streams, QStringLiteral("ROUNDS must be a positive number"));
    auto report = DescriptorBenchmark::run(ModelSet(), arguments.at(1), rounds);
    if (!report) {
        streams.err << "madoguchi-cli bench: " << report.error().message << Qt::endl;
        return kExitSetup;
    }
    const DescriptorBenchmark::Report &r = report.value();
    streams.out << "blas:                 " << r.blas << Qt::endl
                << "images x rounds:      " << r.images << " x " << r.rounds << " (" << r.faces << " faces)" << Qt::endl
                << "detect median ms:     " << QString::number(r.detectMedianMs, 'f', 2) << Qt::endl
                << "align median ms:      " << QString::number(r.alignMedianMs, 'f', 2) << Qt::endl
                << "descriptor median ms: " << QString::number(r.descriptorMedianMs, 'f', 2) << Qt::endl;
    return r.faces > 0 ? kExitOk : kExitFailed;
}

} // namespace mado::cli
