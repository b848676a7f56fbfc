#include "tests/support/RealFaces.h"

#include "core/face/CaseVerifier.h"
#include "core/face/FaceThresholds.h"
#include "core/face/ImageDecoder.h"
#include "core/face/ModelSet.h"
#include "tests/support/TestData.h"

namespace mado::test {

Result<std::unique_ptr<CaseVerifier>> RealFaces::shippedVerifier()
{
    auto thresholds = FaceThresholds::shipped();
    if (!thresholds)
        return thresholds.error();
    return CaseVerifier::load(ModelSet(), thresholds.value());
}

SampleCaseWriter::Input RealFaces::personInput(const QString &person, cv::Size documentPhotoSize)
{
    SampleCaseWriter::Input input;
    input.documentPhotoSize = documentPhotoSize;
    auto portrait = ImageDecoder().decodeFile(johnPhoto(person, 0));
    if (!portrait)
        return input;
    input.portrait = portrait.value().bgr;
    for (int i = 1; i <= 4; ++i) {
        auto frame = ImageDecoder().decodeFile(johnPhoto(person, i));
        if (!frame)
            return SampleCaseWriter::Input{};
        input.frames.push_back(frame.value().bgr);
    }
    return input;
}

} // namespace mado::test
