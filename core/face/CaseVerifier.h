#pragma once

#include "core/domain/Result.h"
#include "core/domain/CaseBundle.h"
#include "core/domain/Verdict.h"
#include "core/face/FaceThresholds.h"
#include "core/image/ImageLimits.h"
#include "core/face/ModelSet.h"

#include <opencv2/core/mat.hpp>

#include <memory>
#include <vector>

namespace mado {

// The decoded images of one case: the document photo and the selfie frames in bundle order.
struct CaseImages {
    cv::Mat document;
    std::vector<cv::Mat> frames;
};

// Runs every face check of a case and returns the Verdict: document portrait (card found and
// rectified, else the largest face of the photo), quality gates on every face, head pose per
// frame against the challenge, same person across frames, flat-photo residual, replay hashes,
// capture window, and the document-to-selfie distance with its band.
// The document and the frames are analysed in parallel on `lanes` threads (each with its own
// detector) of a thread pool of the verifier's own, never the global pool: a caller that is itself
// a global pool thread (the workstation's background round) cannot starve its own parallel work
// (TestCaseVerifier::verifiesOnTheOnlyThreadOfTheGlobalPool). Descriptors are computed in one batch. A CaseVerifier is used by one thread at a
// time; create one per worker thread for batch throughput.
class CaseVerifier {
public:
    static Result<std::unique_ptr<CaseVerifier>> load(const ModelSet &models, FaceThresholds thresholds,
                                                      int lanes = 2);
    ~CaseVerifier();

    // Decodes the bundle's images in parallel on the verifier's threads (documents larger than
    // needed are decoded at reduced scale).
    Result<CaseImages> decode(const CaseBundle &bundle, const QString &directory, const ImageLimits &limits = {});
    Result<Verdict> verify(const CaseBundle &bundle, const CaseImages &images);
    // decode() + verify(), with the decoding time in the verdict's timings.
    Result<Verdict> verifyBundle(const CaseBundle &bundle, const QString &directory);

    const FaceThresholds &thresholds() const { return m_thresholds; }

    // Long side the document photo is decoded at (at least): enough for the card's portrait.
    static constexpr int kDocumentDecodeSide = 1600;
    // First detection pass for selfie frames, whose faces are large (a face 1/3 of a 720 px
    // frame is about 90 px at this size).
    static constexpr int kFrameDetectSide = 480;

private:
    CaseVerifier();
    struct Impl;
    std::unique_ptr<Impl> d;
    FaceThresholds m_thresholds;
};

} // namespace mado
