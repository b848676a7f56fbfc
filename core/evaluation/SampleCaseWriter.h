#pragma once

#include "core/domain/Result.h"
#include "core/domain/CaseBundle.h"

#include <opencv2/core/mat.hpp>

#include <optional>
#include <vector>

namespace mado {

// Builds case bundles from face photos for benchmarks, evaluation and the demo: the document is a
// photographed specimen card (見本) carrying the first photo as its portrait, and each selfie frame
// is another photo of the person placed on a 1280x720 camera frame. The applicant data is
// fictitious. Any thread.
class SampleCaseWriter {
public:
    struct Input {
        cv::Mat portrait;            // goes onto the card
        std::vector<cv::Mat> frames; // frontal first, then one per step (4 in all)
        std::array<Direction, 3> directions{Direction::Left, Direction::Up, Direction::Right};
        DocumentType documentType = DocumentType::MyNumberCard;
        QString procedure = QStringLiteral("tax_certificate");
        unsigned seed = 1;
        cv::Size documentPhotoSize{4000, 3000}; // 12 MP, a phone camera
        int sequence = 1;                       // makes the ids and reference unique
        std::optional<ApplicantForm> applicant; // fictitious default when empty
        double documentBlurSigma = -1.0;        // < 0: the camera's usual slight random blur
    };

    // A camera frame of the given size with the photo centred, its face about a third of the
    // frame's height (the photo is scaled so that its height is 60 % of the frame).
    static cv::Mat cameraFrame(const cv::Mat &photo, cv::Size size = cv::Size(1280, 720), unsigned seed = 1);

    // Writes case.json and the images into `directory` (created). Returns the bundle.
    static Result<CaseBundle> write(const QString &directory, const Input &input);
};

} // namespace mado
