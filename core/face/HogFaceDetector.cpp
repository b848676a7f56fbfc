#include "core/face/HogFaceDetector.h"

#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/opencv/cv_image.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace mado {

struct HogFaceDetector::Impl {
    dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
};

HogFaceDetector::HogFaceDetector() : d(std::make_unique<Impl>()) {}
HogFaceDetector::~HogFaceDetector() = default;

std::vector<FaceBox> HogFaceDetector::detect(const cv::Mat &gray, int firstPassMaxSide)
{
    CV_Assert(gray.type() == CV_8UC1);
    const int longest = std::max(gray.cols, gray.rows);
    double scale = std::min(1.0, double(firstPassMaxSide) / double(longest));
    std::vector<FaceBox> faces;
    while (true) {
        cv::Mat work;
        if (scale == 1.0)
            work = gray;
        else
            cv::resize(gray, work, cv::Size(), scale, scale, scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
        const dlib::cv_image<unsigned char> image(work);
        std::vector<dlib::rect_detection> found;
        d->detector(image, found);
        for (const auto &det : found) {
            const dlib::rectangle &r = det.rect;
            const cv::Rect rect(int(std::lround(r.left() / scale)), int(std::lround(r.top() / scale)),
                                int(std::lround(r.width() / scale)), int(std::lround(r.height() / scale)));
            faces.push_back(FaceBox{rect, det.detection_confidence});
        }
        if (!faces.empty() || double(longest) * scale * 2.0 > kUpsampleMaxSide)
            break;
        scale *= 2.0;
    }
    std::sort(faces.begin(), faces.end(), [](const FaceBox &a, const FaceBox &b) { return a.rect.area() > b.rect.area(); });
    return faces;
}

} // namespace mado
