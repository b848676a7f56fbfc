#include "core/face/LandmarkModel68.h"

#include "core/face/ModelFileStream.h"

#include <dlib/image_processing.h>
#include <dlib/opencv/cv_image.h>
#include <dlib/serialize.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace mado {

namespace {

// cv::resize aligns pixel centres: pixel x of the original is at (x + 0.5) * scale - 0.5 after it.
double toWork(double x, double scale)
{
    return (x + 0.5) * scale - 0.5;
}

double fromWork(double x, double scale)
{
    return (x + 0.5) / scale - 0.5;
}

} // namespace

struct LandmarkModel68::Impl {
    dlib::shape_predictor predictor;
};

LandmarkModel68::LandmarkModel68() : d(std::make_unique<Impl>()) {}
LandmarkModel68::~LandmarkModel68() = default;

Result<std::shared_ptr<const LandmarkModel68>> LandmarkModel68::load(const ModelSet &models)
{
    auto path = models.verifiedPath(Model::ShapePredictor68);
    if (!path)
        return path.error();
    return loadFile(path.value());
}

Result<std::shared_ptr<const LandmarkModel68>> LandmarkModel68::loadFile(const QString &path)
{
    std::shared_ptr<LandmarkModel68> model(new LandmarkModel68);
    try {
        std::ifstream file = ModelFileStream::open(path);
        dlib::deserialize(file) >> model->d->predictor;
    } catch (const std::exception &) {
        return Error{ErrorCode::ModelCorrupt, QStringLiteral("model file %1 cannot be loaded by dlib").arg(path)};
    }
    if (model->d->predictor.num_parts() != unsigned(Landmarks68::kCount))
        return Error{
            ErrorCode::ModelCorrupt, QStringLiteral("model file %1 is not a 68-point shape predictor").arg(path)};
    return std::shared_ptr<const LandmarkModel68>(std::move(model));
}

Result<Landmarks68> LandmarkModel68::locate(const cv::Mat &image, const cv::Rect &box) const
{
    if (image.empty() || box.width <= 0 || box.height <= 0)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("landmarks need an image and a non-empty face box")};
    if (image.type() != CV_8UC1 && image.type() != CV_8UC3)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("landmarks need an 8-bit gray or BGR image")};

    // dlib returns whole pixels. For small faces that rounding is a large share of the face
    // (0.4 px RMS at an inter-ocular distance of 50 px is 0.008 of it, as large as the flat-photo
    // residual of an attack), so small faces are located on an enlarged copy of their surroundings.
    const int side = std::max(box.width, box.height);
    const double wanted = std::min(double(kUpscaleMax), std::max(1.0, double(kPrecisionBoxSide) / side));
    cv::Mat work = image;
    cv::Rect workBox = box;
    cv::Point2d origin(0.0, 0.0);
    double scale = 1.0;
    // The predictor samples pixels somewhat outside the box: keep one box size of margin.
    const cv::Rect around = cv::Rect(box.x - side, box.y - side, box.width + 2 * side, box.height + 2 * side) &
                            cv::Rect(0, 0, image.cols, image.rows);
    if (wanted > 1.0 && !around.empty()) {
        scale = wanted;
        cv::resize(image(around), work, cv::Size(), scale, scale, cv::INTER_LINEAR);
        origin = cv::Point2d(around.x, around.y);
        workBox = cv::Rect(int(std::lround(toWork(box.x - around.x, scale))),
                           int(std::lround(toWork(box.y - around.y, scale))), int(std::lround(box.width * scale)),
                           int(std::lround(box.height * scale)));
    }

    const dlib::rectangle rect(workBox.x, workBox.y, workBox.x + workBox.width - 1, workBox.y + workBox.height - 1);
    dlib::full_object_detection shape;
    try {
        if (work.type() == CV_8UC1)
            shape = d->predictor(dlib::cv_image<unsigned char>(work), rect);
        else
            shape = d->predictor(dlib::cv_image<dlib::bgr_pixel>(work), rect);
    } catch (const std::exception &e) {
        return Error{
            ErrorCode::Internal, QStringLiteral("shape predictor failed: %1").arg(QString::fromUtf8(e.what()))};
    }
    std::vector<cv::Point2f> points;
    points.reserve(shape.num_parts());
    for (unsigned long i = 0; i < shape.num_parts(); ++i)
        points.emplace_back(float(origin.x + fromWork(double(shape.part(i).x()), scale)),
                            float(origin.y + fromWork(double(shape.part(i).y()), scale)));
    return Landmarks68(std::move(points));
}

} // namespace mado
