#include "core/face/LandmarkModel68.h"

#include <dlib/image_processing.h>
#include <dlib/opencv/cv_image.h>
#include <dlib/serialize.h>

namespace mado {

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
        dlib::deserialize(path.toStdString()) >> model->d->predictor;
    } catch (const std::exception &) {
        return Error{ErrorCode::ModelCorrupt, QStringLiteral("model file %1 cannot be loaded by dlib").arg(path)};
    }
    if (model->d->predictor.num_parts() != unsigned(Landmarks68::kCount))
        return Error{ErrorCode::ModelCorrupt, QStringLiteral("model file %1 is not a 68-point shape predictor").arg(path)};
    return std::shared_ptr<const LandmarkModel68>(std::move(model));
}

Result<Landmarks68> LandmarkModel68::locate(const cv::Mat &image, const cv::Rect &box) const
{
    if (image.empty() || box.width <= 0 || box.height <= 0)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("landmarks need an image and a non-empty face box")};
    const dlib::rectangle rect(box.x, box.y, box.x + box.width - 1, box.y + box.height - 1);
    dlib::full_object_detection shape;
    try {
        if (image.type() == CV_8UC1)
            shape = d->predictor(dlib::cv_image<unsigned char>(image), rect);
        else if (image.type() == CV_8UC3)
            shape = d->predictor(dlib::cv_image<dlib::bgr_pixel>(image), rect);
        else
            return Error{ErrorCode::InvalidArgument, QStringLiteral("landmarks need an 8-bit gray or BGR image")};
    } catch (const std::exception &e) {
        return Error{ErrorCode::Internal, QStringLiteral("shape predictor failed: %1").arg(QString::fromUtf8(e.what()))};
    }
    std::vector<cv::Point2f> points;
    points.reserve(shape.num_parts());
    for (unsigned long i = 0; i < shape.num_parts(); ++i)
        points.emplace_back(float(shape.part(i).x()), float(shape.part(i).y()));
    return Landmarks68(std::move(points));
}

} // namespace mado
