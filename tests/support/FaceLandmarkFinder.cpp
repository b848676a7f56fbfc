#include "tests/support/FaceLandmarkFinder.h"

#include "core/face/HogFaceDetector.h"
#include "core/face/LandmarkModel68.h"

#include <opencv2/imgproc.hpp>

namespace mado::test {

FaceLandmarkFinder::FaceLandmarkFinder() = default;
FaceLandmarkFinder::~FaceLandmarkFinder() = default;

Result<std::unique_ptr<FaceLandmarkFinder>> FaceLandmarkFinder::load()
{
    auto model = LandmarkModel68::load(ModelSet());
    if (!model)
        return model.error();
    std::unique_ptr<FaceLandmarkFinder> finder(new FaceLandmarkFinder);
    finder->m_detector = std::make_unique<HogFaceDetector>();
    finder->m_model = std::move(model).value();
    return finder;
}

std::vector<FoundFace> FaceLandmarkFinder::all(const cv::Mat &bgr)
{
    cv::Mat gray;
    cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    std::vector<FoundFace> faces;
    for (const FaceBox &box : m_detector->detect(gray)) {
        auto landmarks = m_model->locate(bgr, box.rect);
        if (landmarks)
            faces.push_back(FoundFace{box, landmarks.value()});
    }
    return faces;
}

Result<FoundFace> FaceLandmarkFinder::largest(const cv::Mat &bgr)
{
    std::vector<FoundFace> faces = all(bgr);
    if (faces.empty())
        return Error{ErrorCode::NoFace, QStringLiteral("no face found")};
    return faces.front();
}

Result<Landmarks68> FaceLandmarkFinder::at(const cv::Mat &bgr, const cv::Rect &box) const
{
    return m_model->locate(bgr, box);
}

const FoundFace *FaceLandmarkFinder::faceAt(const std::vector<FoundFace> &faces, const cv::Point &point)
{
    for (const FoundFace &face : faces) {
        if (face.box.rect.contains(point))
            return &face;
    }
    return nullptr;
}

} // namespace mado::test
