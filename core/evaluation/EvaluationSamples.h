#pragma once

#include "core/domain/Result.h"
#include "core/evaluation/FaceEvaluation.h"
#include "core/face/ImageDecoder.h"

#include <opencv2/core.hpp>

namespace mado {

class FaceEngine;

// How `madoguchi-cli eval` turns an image file into what FaceEvaluation compares, on one loaded
// FaceEngine: a photo's largest face; the document side (the photo as the portrait of a
// photographed specimen card, found and rectified again); a selfie (the photo in a 1280x720
// camera frame, JPEG q90, as the verifier sees it); a copy (CopyVariants). Random parts are
// seeded from the file's path, so a run is repeatable. Errors: the image's decoding error, NoFace.
// Uses the engine on the calling thread; the engine must outlive the returned functions.
class EvaluationSamples {
public:
    explicit EvaluationSamples(FaceEngine &faces);

    FaceEvaluation::Describe photo() const;
    FaceEvaluation::Describe documentCard() const;
    FaceEvaluation::Sample documentSample() const;
    FaceEvaluation::Sample selfieSample() const;
    FaceEvaluation::SampleVariant copySample() const;

    // The portrait chip found on `photoBgr` made into a photographed card; NoFace when the card's
    // portrait is not found (a face elsewhere in the photo does not count).
    Result<cv::Mat> cardPortrait(const cv::Mat &photoBgr, unsigned seed) const;

private:
    // The image file at path decoded and made into cardPortrait() (seeded from the path).
    Result<cv::Mat> cardPortraitOfFile(const QString &path) const;
    Result<FaceEvaluation::FaceSample> selfieOf(const cv::Mat &frameBgr) const;
    FaceEvaluation::FaceSample sampleOf(const cv::Mat &chip) const;

    FaceEngine &m_faces;
    ImageDecoder m_decoder;
};

} // namespace mado
