#include "core/evaluation/CopyVariants.h"

#include "core/evaluation/SampleCaseWriter.h"
#include "core/evaluation/SpecimenCard.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <array>

namespace mado {

namespace {

const std::array<const char *, CopyVariants::kCount> kNames = {
    "the photo in a camera frame (the demo scenario)",
    "JPEG q50 re-encode, then framed",
    "downscaled to 50 %, then framed",
    "rotated 5 deg, then framed",
    "rotated -8 deg, scaled 0.8, JPEG q70, framed",
    "the card photographed again (other perspective), whole photo as the selfie",
};

const cv::Size kFrame(1280, 720);

} // namespace

QString CopyVariants::name(int variant)
{
    return variant >= 0 && variant < kCount ? QString::fromLatin1(kNames[std::size_t(variant)]) : QString();
}

cv::Mat CopyVariants::apply(const cv::Mat &photoBgr, int variant, unsigned seed)
{
    switch (variant) {
    case 0:
        return SampleCaseWriter::cameraFrame(photoBgr, kFrame, seed);
    case 1:
        return SampleCaseWriter::cameraFrame(jpegRoundTrip(photoBgr, 50), kFrame, seed);
    case 2: {
        cv::Mat small;
        cv::resize(photoBgr, small, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
        return SampleCaseWriter::cameraFrame(small, kFrame, seed);
    }
    case 3:
        return SampleCaseWriter::cameraFrame(rotated(photoBgr, 5.0, 1.0), kFrame, seed);
    case 4:
        return SampleCaseWriter::cameraFrame(jpegRoundTrip(rotated(photoBgr, -8.0, 0.8), 70), kFrame, seed);
    case 5:
        return cardPhoto(photoBgr, seed);
    default:
        return cv::Mat();
    }
}

cv::Mat CopyVariants::jpegRoundTrip(const cv::Mat &bgr, int quality)
{
    std::vector<uchar> bytes;
    cv::imencode(".jpg", bgr, bytes, {cv::IMWRITE_JPEG_QUALITY, quality});
    return cv::imdecode(bytes, cv::IMREAD_COLOR);
}

cv::Mat CopyVariants::rotated(const cv::Mat &bgr, double degrees, double scale)
{
    const cv::Mat m =
        cv::getRotationMatrix2D(cv::Point2f(float(bgr.cols) / 2.0f, float(bgr.rows) / 2.0f), degrees, scale);
    cv::Mat out;
    cv::warpAffine(bgr, out, m, bgr.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

cv::Mat CopyVariants::cardPhoto(const cv::Mat &photoBgr, unsigned seed)
{
    SpecimenPhotoOptions options;
    options.seed = seed;
    return SpecimenCard::photograph(SpecimenCard::render(photoBgr, DocumentType::MyNumberCard), options).bgr;
}

} // namespace mado
