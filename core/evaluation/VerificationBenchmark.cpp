#include "core/evaluation/VerificationBenchmark.h"

#include "core/evaluation/BaselineDlibPipeline.h"
#include "core/face/BlasInfo.h"
#include "core/face/CaseVerifier.h"
#include "core/face/ImageDecoder.h"
#include "core/evaluation/SampleCaseWriter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <algorithm>
#include <atomic>

namespace mado {

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const auto index = std::min(values.size() - 1, std::size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

struct SampleCase {
    QString directory;
    CaseBundle bundle;
};

Result<std::vector<SampleCase>> writeCases(const VerificationBenchmark::Options &options)
{
    const QDir root(options.samplesDirectory);
    const QStringList people = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    std::vector<SampleCase> cases;
    const ImageDecoder decoder;
    // Round-robin over people, five consecutive photos per case.
    for (int offset = 0; int(cases.size()) < options.cases && offset < 100; offset += 5) {
        for (const QString &person : people) {
            if (int(cases.size()) >= options.cases)
                break;
            const QDir dir(root.filePath(person));
            const QStringList files = dir.entryList({QStringLiteral("*.jpg"), QStringLiteral("*.png")}, QDir::Files, QDir::Name);
            if (files.size() < offset + 5)
                continue;
            SampleCaseWriter::Input input;
            input.sequence = int(cases.size()) + 1;
            input.seed = unsigned(input.sequence);
            for (int i = 0; i < 5; ++i) {
                auto image = decoder.decodeFile(dir.filePath(files.at(offset + i)));
                if (!image)
                    return image.error();
                (i == 0 ? input.portrait : input.frames.emplace_back()) = image.value().bgr;
            }
            const QString target = QDir(options.workDirectory).filePath(QStringLiteral("case%1").arg(input.sequence));
            auto bundle = SampleCaseWriter::write(target, input);
            if (!bundle)
                return bundle.error();
            cases.push_back(SampleCase{target, bundle.value()});
        }
    }
    if (cases.empty())
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("%1 holds no person folder with 5 photos").arg(options.samplesDirectory)};
    return cases;
}

// Cases per second when `workers` threads, each with its own one-lane verifier, share the cases.
Result<double> throughput(const ModelSet &models, const FaceThresholds &thresholds,
                          const std::vector<SampleCase> &cases, int workers, int rounds)
{
    std::vector<std::unique_ptr<CaseVerifier>> verifiers;
    for (int i = 0; i < workers; ++i) {
        auto verifier = CaseVerifier::load(models, thresholds, 1);
        if (!verifier)
            return verifier.error();
        verifiers.push_back(std::move(verifier).value());
    }
    const int total = int(cases.size()) * rounds;
    std::atomic<int> next{0};
    std::atomic<bool> failed{false};
    QElapsedTimer timer;
    timer.start();
    std::vector<QThread *> threads;
    for (int w = 0; w < workers; ++w) {
        threads.push_back(QThread::create([&, w] {
            for (int i = next++; i < total; i = next++) {
                const SampleCase &c = cases[std::size_t(i) % cases.size()];
                if (!verifiers[std::size_t(w)]->verifyBundle(c.bundle, c.directory))
                    failed = true;
            }
        }));
        threads.back()->start();
    }
    for (QThread *thread : threads) {
        thread->wait();
        delete thread;
    }
    if (failed)
        return Error{ErrorCode::Internal, QStringLiteral("a sample case failed to verify")};
    return double(total) / (double(timer.nsecsElapsed()) / 1e9);
}

} // namespace

Result<VerificationBenchmark::Report> VerificationBenchmark::run(const ModelSet &models, const FaceThresholds &thresholds,
                                                                 const Options &options)
{
    auto cases = writeCases(options);
    if (!cases)
        return cases.error();
    auto twoLanes = CaseVerifier::load(models, thresholds, 2);
    if (!twoLanes)
        return twoLanes.error();
    auto oneLane = CaseVerifier::load(models, thresholds, 1);
    if (!oneLane)
        return oneLane.error();
    auto baseline = BaselineDlibPipeline::load(models);
    if (!baseline)
        return baseline.error();

    Report report;
    report.cases = int(cases.value().size());
    report.blas = BlasInfo::loadedLibrary();
    // Warm-up: first calls allocate the networks' buffers.
    const SampleCase &first = cases.value().front();
    (void)twoLanes.value()->verifyBundle(first.bundle, first.directory);
    (void)oneLane.value()->verifyBundle(first.bundle, first.directory);

    QMap<QString, std::vector<double>> stages;
    std::vector<double> perCase;
    std::vector<double> perCaseOneLane;
    std::vector<double> baselineTimes;
    for (int round = 0; round < options.rounds; ++round) {
        for (const SampleCase &c : cases.value()) {
            QElapsedTimer timer;
            timer.start();
            auto verdict = twoLanes.value()->verifyBundle(c.bundle, c.directory);
            perCase.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (!verdict)
                return verdict.error();
            for (auto it = verdict.value().timingsMs.begin(); it != verdict.value().timingsMs.end(); ++it)
                stages[it.key()].push_back(it.value());

            timer.restart();
            if (!oneLane.value()->verifyBundle(c.bundle, c.directory))
                return Error{ErrorCode::Internal, QStringLiteral("a sample case failed to verify")};
            perCaseOneLane.push_back(double(timer.nsecsElapsed()) / 1e6);

            // The baseline decodes every image at full size and describes every face in it.
            timer.restart();
            const QDir dir(c.directory);
            std::vector<QString> files{c.bundle.documentFront.file};
            for (const SelfieFrame &f : c.bundle.frames)
                files.push_back(f.image.file);
            for (const QString &file : files) {
                QFile in(dir.filePath(file));
                if (!in.open(QIODevice::ReadOnly))
                    return Error{ErrorCode::Io, QStringLiteral("cannot read %1").arg(file)};
                auto image = ImageDecoder().decode(in.readAll());
                if (!image)
                    return image.error();
                baseline.value()->describeAll(image.value().bgr);
            }
            baselineTimes.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
    }
    for (auto it = stages.begin(); it != stages.end(); ++it)
        report.stageMedianMs.insert(it.key(), percentile(it.value(), 0.5));
    report.perCaseMedianMs = percentile(perCase, 0.5);
    report.perCaseP95Ms = percentile(perCase, 0.95);
    report.perCaseOneLaneMedianMs = percentile(perCaseOneLane, 0.5);
    report.baselinePerCaseMedianMs = percentile(baselineTimes, 0.5);
    report.speedup = report.perCaseMedianMs > 0 ? report.baselinePerCaseMedianMs / report.perCaseMedianMs : 0.0;

    auto one = throughput(models, thresholds, cases.value(), 1, options.rounds);
    if (!one)
        return one.error();
    auto two = throughput(models, thresholds, cases.value(), 2, options.rounds);
    if (!two)
        return two.error();
    report.throughputOneWorker = one.value();
    report.throughputTwoWorkers = two.value();
    return report;
}

QJsonObject VerificationBenchmark::Report::toJson() const
{
    QJsonObject stageJson;
    for (auto it = stageMedianMs.begin(); it != stageMedianMs.end(); ++it)
        stageJson.insert(it.key(), it.value());
    return QJsonObject{{QStringLiteral("cases"), cases},
                       {QStringLiteral("blas"), blas},
                       {QStringLiteral("stageMedianMs"), stageJson},
                       {QStringLiteral("perCaseMedianMs"), perCaseMedianMs},
                       {QStringLiteral("perCaseP95Ms"), perCaseP95Ms},
                       {QStringLiteral("perCaseOneLaneMedianMs"), perCaseOneLaneMedianMs},
                       {QStringLiteral("throughputOneWorkerCasesPerS"), throughputOneWorker},
                       {QStringLiteral("throughputTwoWorkersCasesPerS"), throughputTwoWorkers},
                       {QStringLiteral("baselinePerCaseMedianMs"), baselinePerCaseMedianMs},
                       {QStringLiteral("speedupOverBaseline"), speedup}};
}

} // namespace mado
