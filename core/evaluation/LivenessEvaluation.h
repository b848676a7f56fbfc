#pragma once

#include "core/domain/Result.h"
#include "core/face/FaceThresholds.h"
#include "core/face/ModelSet.h"

#include <QJsonObject>
#include <QString>

#include <array>
#include <vector>

namespace mado {

// Measures the flat-photo check over DIR/<person>/<photos>:
// - attacks: every photo, placed in a 1280x720 camera frame, is "held up and tilted" as a plane
//   (yaw +-20/+-30/+-35 degrees, pitch +-20), with camera blur, noise and JPEG; each tilted frame
//   against the upright one gives an attack residual; the three-step set (+30 yaw, +20 pitch,
//   -30 yaw) gives the averaged residual the verifier uses;
// - genuine: for each photo as the frontal frame, every other photo of the same person whose
//   measured yaw or pitch differs by at least 10 degrees as a turned frame (and sets of three).
// APCER = attacks whose residual reaches the threshold (accepted as live); BPCER = genuine below
// it (rejected as flat). Only frontal photos that pass the frontal head-pose check count as
// attack sources, as in a real attack. Runs on the calling thread.
class LivenessEvaluation {
public:
    struct Rates {
        int attacks = 0;
        int attacksAccepted = 0;
        int genuine = 0;
        int genuineRejected = 0;
        double attackMedian = 0.0;
        double attackMax = 0.0;
        double genuineMedian = 0.0;
        double genuineMin = 0.0;
        double apcer() const { return attacks ? double(attacksAccepted) / attacks : 0.0; }
        double bpcer() const { return genuine ? double(genuineRejected) / genuine : 0.0; }
        QJsonObject toJson() const;
    };
    struct Report {
        double threshold = 0.0;
        int photos = 0;
        int attackSources = 0;
        Rates frames; // single turned frame against the frontal one
        Rates sets;   // three turned frames averaged, as in a case
        // The three-frame-set rates at other thresholds: (threshold, APCER, BPCER).
        std::vector<std::array<double, 3>> sweep;
        QJsonObject toJson() const;
    };

    static Result<Report> run(const ModelSet &models, const FaceThresholds &thresholds, const QString &directory);
};

} // namespace mado
