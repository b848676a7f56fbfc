#pragma once

#include "core/domain/Result.h"
#include "core/face/FaceThresholds.h"
#include "core/face/ModelSet.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace mado {

// Measures the case verification on sample bundles and, in the same run on the same images, the
// plain dlib pipeline (BaselineDlibPipeline) as the baseline. Builds the bundles itself from a
// directory of people (DIR/<person>/<5+ photos>): a 12 MP photo of a specimen card and four
// 1280x720 frames per case. Runs on the calling thread plus worker threads it starts.
class VerificationBenchmark {
public:
    struct Options {
        QString samplesDirectory; // DIR/<person>/<photos>
        QString workDirectory;    // where the bundles are written
        int cases = 8;
        int rounds = 3;           // each case verified this many times for the per-case figures
    };

    struct Report {
        int cases = 0;
        QString blas;
        QMap<QString, double> stageMedianMs;    // per stage, from the verdicts' timings (2 lanes)
        double perCaseMedianMs = 0.0;            // decode + verify, one case at a time, 2 lanes
        double perCaseP95Ms = 0.0;
        double perCaseOneLaneMedianMs = 0.0;     // the same with 1 lane (one core)
        double throughputOneWorker = 0.0;        // cases per second, 1 worker thread, 1 lane
        double throughputTwoWorkers = 0.0;       // cases per second, 2 worker threads, 1 lane each
        double baselinePerCaseMedianMs = 0.0;    // plain dlib pipeline on the same images
        double speedup = 0.0;                    // baseline / per-case median

        QJsonObject toJson() const;
    };

    static Result<Report> run(const ModelSet &models, const FaceThresholds &thresholds, const Options &options);
};

} // namespace mado
