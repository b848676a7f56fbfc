#include "app/cli/CliCommand.h"

#include "core/face/BlasInfo.h"
#include "core/face/FaceAligner.h"
#include "core/face/FaceDescriptorNet.h"
#include "core/face/HogFaceDetector.h"
#include "core/face/ImageDecoder.h"
#include "core/face/ModelSet.h"
#include "core/evaluation/VerificationBenchmark.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace mado::cli {

namespace {

double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

namespace {

// `bench [--json] [--cases N] [--rounds N] [--samples DIR]`: case verification figures and the
// plain dlib baseline in the same run.
int runCaseBench(const QStringList &arguments, CliStreams streams)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("JSON output"));
    const QCommandLineOption casesOption(QStringLiteral("cases"), QStringLiteral("cases"), QStringLiteral("N"),
                                         QStringLiteral("8"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("rounds"), QStringLiteral("N"),
                                          QStringLiteral("3"));
    const QString defaultSamples =
        QDir(qEnvironmentVariable("MADOGUCHI_SAMPLES_DIR",
                                  QDir::homePath() + QStringLiteral("/.cache/madoguchi/samples")))
            .filePath(QStringLiteral("johns"));
    const QCommandLineOption samplesOption(QStringLiteral("samples"), QStringLiteral("DIR/<person>/<photos>"),
                                           QStringLiteral("DIR"), defaultSamples);
    parser.addOptions({json, casesOption, roundsOption, samplesOption});
    if (!parser.parse(QStringList{QStringLiteral("madoguchi-cli bench")} + arguments.mid(1))) {
        streams.err << "usage: madoguchi-cli bench [--json] [--cases N] [--rounds N] [--samples DIR]" << Qt::endl;
        return kExitUsage;
    }
    auto thresholds = FaceThresholds::shipped();
    if (!thresholds) {
        streams.err << "madoguchi-cli bench: " << thresholds.error().message << Qt::endl;
        return kExitSetup;
    }
    QTemporaryDir work;
    VerificationBenchmark::Options options;
    options.samplesDirectory = parser.value(samplesOption);
    options.workDirectory = work.path();
    options.cases = std::max(1, parser.value(casesOption).toInt());
    options.rounds = std::max(1, parser.value(roundsOption).toInt());
    auto report = VerificationBenchmark::run(ModelSet(), thresholds.value(), options);
    if (!report) {
        streams.err << "madoguchi-cli bench: " << report.error().message << Qt::endl;
        return report.error().code == ErrorCode::ModelMissing || report.error().code == ErrorCode::ModelCorrupt
                   ? kExitSetup
                   : kExitFailed;
    }
    const VerificationBenchmark::Report &r = report.value();
    if (parser.isSet(json)) {
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
                << "per case (2 lanes):     median " << ms(r.perCaseMedianMs) << ", p95 " << ms(r.perCaseP95Ms) << Qt::endl
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

} // namespace

// `bench descriptor IMAGE_DIR [N]`: per-stage medians of the face pipeline on the images of a
// directory (recursively), one face per image, and the BLAS library in use.
int runBench(const QStringList &arguments, CliStreams streams)
{
    if (arguments.size() < 2 || arguments.at(1) != QLatin1String("descriptor"))
        return runCaseBench(arguments, streams);
    if (arguments.size() < 3) {
        streams.err << "usage: madoguchi-cli bench descriptor IMAGE_DIR [ROUNDS]" << Qt::endl;
        return kExitUsage;
    }
    const int rounds = arguments.size() > 3 ? std::max(1, arguments.at(3).toInt()) : 3;
    const ModelSet models;
    auto shapePath = models.verifiedPath(Model::ShapePredictor5);
    auto netPath = models.verifiedPath(Model::FaceRecognitionResNet);
    if (!shapePath || !netPath) {
        streams.err << "madoguchi-cli bench: " << (!shapePath ? shapePath.error() : netPath.error()).message << Qt::endl;
        return kExitSetup;
    }
    auto aligner = FaceAligner::load(shapePath.value());
    auto net = FaceDescriptorNet::load(netPath.value());
    if (!aligner || !net) {
        streams.err << "madoguchi-cli bench: " << (!aligner ? aligner.error() : net.error()).message << Qt::endl;
        return kExitSetup;
    }
    HogFaceDetector detector;
    const ImageDecoder decoder;

    std::vector<double> detectMs, alignMs, descriptorMs;
    int images = 0;
    QDirIterator it(arguments.at(2), {QStringLiteral("*.jpg"), QStringLiteral("*.png")}, QDir::Files,
                    QDirIterator::Subdirectories);
    std::vector<cv::Mat> decoded;
    while (it.hasNext()) {
        auto image = decoder.decodeFile(it.next());
        if (image)
            decoded.push_back(image.value().bgr);
    }
    // The first descriptor call allocates the network's buffers: keep it out of the figures.
    if (!decoded.empty())
        net.value()->compute({cv::Mat(150, 150, CV_8UC3, cv::Scalar::all(128))});
    for (int round = 0; round < rounds; ++round) {
        for (const cv::Mat &bgr : decoded) {
            QElapsedTimer timer;
            timer.start();
            cv::Mat gray;
            cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
            const auto faces = detector.detect(gray);
            detectMs.push_back(timer.nsecsElapsed() / 1e6);
            if (faces.empty())
                continue;
            timer.restart();
            const AlignedFace face = aligner.value()->align(bgr, faces.front());
            alignMs.push_back(timer.nsecsElapsed() / 1e6);
            timer.restart();
            net.value()->compute({face.chip});
            descriptorMs.push_back(timer.nsecsElapsed() / 1e6);
            ++images;
        }
    }
    streams.out << "blas:                 " << BlasInfo::loadedLibrary() << Qt::endl
                << "images x rounds:      " << decoded.size() << " x " << rounds << " (" << images
                << " faces)" << Qt::endl
                << "detect median ms:     " << QString::number(median(detectMs), 'f', 2) << Qt::endl
                << "align median ms:      " << QString::number(median(alignMs), 'f', 2) << Qt::endl
                << "descriptor median ms: " << QString::number(median(descriptorMs), 'f', 2) << Qt::endl;
    return images > 0 ? kExitOk : kExitFailed;
}

} // namespace mado::cli
