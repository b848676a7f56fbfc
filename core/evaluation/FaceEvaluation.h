#pragma once

#include "core/domain/Result.h"
#include "core/face/FaceTypes.h"
#include "core/evaluation/RocAnalysis.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace mado {

class FaceEngine;

// Genuine/impostor evaluation of the face engine over a labelled directory DIR/<person>/<images>.
// Every pair of images is compared: same person -> genuine, different people -> impostor.
// Images without a detectable face are listed and left out. Runs on the calling thread.
class FaceEvaluation {
public:
    struct Report {
        int people = 0;
        int images = 0;
        QStringList skipped; // images without a usable face (relative paths)
        std::optional<RocAnalysis> roc;
        double proposedMatchMax = 0.0;  // at FMR <= 0.1 %
        double proposedReviewMax = 0.0; // at FMR <= 1 %
    };

    using Describe = std::function<Result<FaceDescriptor>(const QString &path)>;

    // Photo against photo: every unordered pair of images, each described by `describe`.
    // With `describeDocument`, document against selfie instead: every ordered pair (i, j), i != j,
    // compares image i as a document (e.g. made into an ID-card composite) with image j as a selfie.
    static Result<Report> run(const QString &directory, const Describe &describe,
                              const Describe &describeDocument = Describe());
    // "Selfie is a copy of the document portrait": for every image i the document side (image i on
    // a card) is compared with (a) every other image of the same person as a selfie (genuine) and
    // (b) image i itself as a selfie after each of `copyVariants` transformations (copies).
    // Both the 256-bit face-hash distance and the descriptor distance are recorded.
    struct FaceSample {
        FaceDescriptor descriptor;
        QString faceHash;
    };
    using Sample = std::function<Result<FaceSample>(const QString &path)>;
    using SampleVariant = std::function<Result<FaceSample>(const QString &path, int variant)>;
    struct CopyPair {
        QString document; // person/image
        QString selfie;   // person/image, or person/image#variant for copies
        int variant = -1; // -1 for genuine pairs
        int bits = 0;
        double distance = 0.0;
    };
    struct CopyReport {
        int images = 0;
        QStringList skipped;
        std::vector<CopyPair> genuine;
        std::vector<CopyPair> copies;
    };
    static Result<CopyReport> runCopies(const QString &directory, const Sample &document, const Sample &selfie,
                                        const SampleVariant &copy, int copyVariants);

    // Proposed bands, rounded down to two decimals so that they never loosen the target FMR.
    static double roundDown(double threshold);
};

} // namespace mado
