#pragma once

#include "core/domain/Result.h"
#include "core/evaluation/SampleCaseWriter.h"

#include <QString>

#include <memory>

namespace mado {
class CaseVerifier;
}

namespace mado::test {

// Real faces for the tests that run the face engine: the verifier with the shipped models and
// thresholds, and SampleCaseWriter's input made of one person's photos of dlib's examples (photo 0
// on the card, photos 1 to 4 as the camera frames).
struct RealFaces {
    static Result<std::unique_ptr<CaseVerifier>> shippedVerifier();
    // An empty portrait when the person's photos are missing (fetch-models.sh not run).
    static SampleCaseWriter::Input personInput(const QString &person, cv::Size documentPhotoSize = cv::Size(1600, 1200));
};

} // namespace mado::test
