#pragma once

#include "core/domain/Result.h"
#include "core/face/FaceMatch.h"
#include "core/face/ModelSet.h"

#include <memory>

namespace mado {

class HogFaceDetector;
class FaceAligner;
class FaceDescriptorNet;

// Compares faces with dlib's real models: HOG detection, 5-point alignment, ResNet descriptor.
// Models are loaded once by load(); a missing or corrupt model is an Error, never a crash.
// Not thread-safe (the detector and the network keep scratch state): one engine per thread.
class FaceEngine {
public:
    static Result<std::unique_ptr<FaceEngine>> load(const ModelSet &models,
                                                    MatchThresholds thresholds = MatchThresholds());
    ~FaceEngine();

    // Compares the largest face of the document image with the largest face of the selfie.
    // Both are 8-bit BGR. NoFace names the side without a face.
    Result<FaceMatch> match(const cv::Mat &documentBgr, const cv::Mat &selfieBgr);

    // The descriptor of the largest face in a BGR image (NoFace when there is none).
    Result<FaceDescriptor> describeLargestFace(const cv::Mat &bgr);

    // Building blocks for the case verifier. `facesFound` receives the number of faces detected.
    // firstPassMaxSide: see HogFaceDetector (smaller is faster for large faces such as selfies).
    Result<AlignedFace> alignLargestFace(const cv::Mat &bgr, int *facesFound, int firstPassMaxSide);
    std::vector<FaceDescriptor> describe(const std::vector<cv::Mat> &chips);

    const MatchThresholds &thresholds() const { return m_thresholds; }

private:
    FaceEngine();
    struct Found {
        FaceSide side;
        AlignedFace face;
    };
    Result<Found> largestFace(const cv::Mat &bgr, const char *sideName, FaceMatch &timings);

    std::unique_ptr<HogFaceDetector> m_detector;
    std::shared_ptr<const FaceAligner> m_aligner;
    std::unique_ptr<FaceDescriptorNet> m_net;
    MatchThresholds m_thresholds;
};

} // namespace mado
