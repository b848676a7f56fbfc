#include "core/face/FaceAligner.h"

#include "core/face/ModelFileStream.h"

#include <dlib/image_processing.h>
#include <dlib/image_transforms.h>
#include <dlib/opencv/cv_image.h>
#include <dlib/serialize.h>

namespace mado {

struct FaceAligner::Impl {
    dlib::shape_predictor predictor;
};

FaceAligner::FaceAligner() : d(std::make_unique<Impl>()) {}
FaceAligner::~FaceAligner() = default;

Result<std::shared_ptr<const FaceAligner>> FaceAligner::load(const QString &shapePredictor5Path)
{
    std::shared_ptr<FaceAligner> aligner(new FaceAligner);
    try {
        std::ifstream file = ModelFileStream::open(shapePredictor5Path);
        dlib::deserialize(file) >> aligner->d->predictor;
    } catch (const std::exception &) {
        return Error{ErrorCode::ModelCorrupt,
                     QStringLiteral("model file %1 cannot be loaded by dlib").arg(shapePredictor5Path)};
    }
    if (aligner->d->predictor.num_parts() != 5)
        return Error{ErrorCode::ModelCorrupt,
                     QStringLiteral("model file %1 is not a 5-point shape predictor").arg(shapePredictor5Path)};
    return std::shared_ptr<const FaceAligner>(std::move(aligner));
}

AlignedFace FaceAligner::align(const cv::Mat &bgr, const FaceBox &box) const
{
    CV_Assert(bgr.type() == CV_8UC3);
    const dlib::cv_image<dlib::bgr_pixel> image(bgr);
    const dlib::rectangle rect(box.rect.x, box.rect.y, box.rect.x + box.rect.width - 1,
                               box.rect.y + box.rect.height - 1);
    const dlib::full_object_detection shape = d->predictor(image, rect);

    AlignedFace face;
    face.box = box;
    face.landmarks.reserve(shape.num_parts());
    for (unsigned long i = 0; i < shape.num_parts(); ++i)
        face.landmarks.emplace_back(float(shape.part(i).x()), float(shape.part(i).y()));

    dlib::matrix<dlib::rgb_pixel> chip;
    dlib::extract_image_chip(image, dlib::get_face_chip_details(shape, kChipSize, kChipPadding), chip);
    face.chip.create(kChipSize, kChipSize, CV_8UC3);
    for (long r = 0; r < chip.nr(); ++r) {
        auto *row = face.chip.ptr<cv::Vec3b>(int(r));
        for (long c = 0; c < chip.nc(); ++c) {
            const dlib::rgb_pixel &p = chip(r, c);
            row[c] = cv::Vec3b(p.red, p.green, p.blue);
        }
    }
    return face;
}

} // namespace mado
