#include "core/evaluation/EvaluationSamples.h"

#include "core/evaluation/CopyVariants.h"
#include "core/face/DocumentPortrait.h"
#include "core/face/FaceEngine.h"
#include "core/face/PerceptualHash.h"
#include "core/evaluation/SampleCaseWriter.h"

#include <QHash>

namespace mado {

namespace {
// The selfie's first detection pass works on at most this side, like the verifier's.
constexpr int kSelfieDetectSide = 480;
// Offsets that give the selfie and the copies seeds of their own for the same file.
constexpr unsigned kSelfieSeedOffset = 7u;
constexpr unsigned kCopySeedOffset = 100u;
} // namespace

EvaluationSamples::EvaluationSamples(FaceEngine &faces) : m_faces(faces) {}

FaceEvaluation::Describe EvaluationSamples::photo() const
{
    return [this](const QString &path) -> Result<FaceDescriptor> {
        auto image = m_decoder.decodeFile(path);
        if (!image)
            return image.error();
        return m_faces.describeLargestFace(image.value().bgr);
    };
}

Result<cv::Mat> EvaluationSamples::cardPortraitOfFile(const QString &path) const
{
    auto image = m_decoder.decodeFile(path);
    if (!image)
        return image.error();
    return cardPortrait(image.value().bgr, unsigned(qHash(path)));
}

FaceEvaluation::Describe EvaluationSamples::documentCard() const
{
    return [this](const QString &path) -> Result<FaceDescriptor> {
        auto chip = cardPortraitOfFile(path);
        if (!chip)
            return chip.error();
        return m_faces.describe({chip.value()}).at(0);
    };
}

FaceEvaluation::Sample EvaluationSamples::documentSample() const
{
    return [this](const QString &path) -> Result<FaceEvaluation::FaceSample> {
        auto chip = cardPortraitOfFile(path);
        if (!chip)
            return chip.error();
        return sampleOf(chip.value());
    };
}

FaceEvaluation::Sample EvaluationSamples::selfieSample() const
{
    return [this](const QString &path) -> Result<FaceEvaluation::FaceSample> {
        auto image = m_decoder.decodeFile(path);
        if (!image)
            return image.error();
        return selfieOf(SampleCaseWriter::cameraFrame(image.value().bgr, cv::Size(1280, 720),
                                                      unsigned(qHash(path)) + kSelfieSeedOffset));
    };
}

FaceEvaluation::SampleVariant EvaluationSamples::copySample() const
{
    return [this](const QString &path, int variant) -> Result<FaceEvaluation::FaceSample> {
        auto image = m_decoder.decodeFile(path);
        if (!image)
            return image.error();
        const unsigned seed = unsigned(qHash(path)) + kCopySeedOffset + unsigned(variant);
        const cv::Mat received = CopyVariants::apply(image.value().bgr, variant, seed);
        if (received.empty())
            return Error{ErrorCode::InvalidArgument, QStringLiteral("no copy variant %1").arg(variant)};
        return selfieOf(received);
    };
}

Result<cv::Mat> EvaluationSamples::cardPortrait(const cv::Mat &photoBgr, unsigned seed) const
{
    auto portrait = DocumentPortrait::find(
        [this](const cv::Mat &source, int *found, int side) { return m_faces.alignLargestFace(source, found, side); },
        CopyVariants::cardPhoto(photoBgr, seed));
    if (!portrait)
        return portrait.error();
    if (!portrait.value().fromCard)
        return Error{ErrorCode::NoFace, QStringLiteral("portrait not found on the card")};
    return portrait.value().face.chip;
}

Result<FaceEvaluation::FaceSample> EvaluationSamples::selfieOf(const cv::Mat &frameBgr) const
{
    int found = 0;
    auto aligned = m_faces.alignLargestFace(CopyVariants::jpegRoundTrip(frameBgr, 90), &found, kSelfieDetectSide);
    if (!aligned)
        return aligned.error();
    return sampleOf(aligned.value().chip);
}

FaceEvaluation::FaceSample EvaluationSamples::sampleOf(const cv::Mat &chip) const
{
    return FaceEvaluation::FaceSample{m_faces.describe({chip}).at(0), PerceptualHash::faceHash(chip)};
}

} // namespace mado
