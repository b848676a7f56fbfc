#include "core/evaluation/BaselineDlibPipeline.h"

#include "core/face/FaceAligner.h"
#include "core/face/FaceDescriptorNet.h"

#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/opencv/cv_image.h>

namespace mado {

struct BaselineDlibPipeline::Impl {
    dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
};

BaselineDlibPipeline::BaselineDlibPipeline() : d(std::make_unique<Impl>()) {}
BaselineDlibPipeline::~BaselineDlibPipeline() = default;

Result<std::unique_ptr<BaselineDlibPipeline>> BaselineDlibPipeline::load(const ModelSet &models)
{
    auto shape = models.verifiedPath(Model::ShapePredictor5);
    if (!shape)
        return shape.error();
    auto resnet = models.verifiedPath(Model::FaceRecognitionResNet);
    if (!resnet)
        return resnet.error();
    std::unique_ptr<BaselineDlibPipeline> pipeline(new BaselineDlibPipeline);
    auto aligner = FaceAligner::load(shape.value());
    if (!aligner)
        return aligner.error();
    auto net = FaceDescriptorNet::load(resnet.value());
    if (!net)
        return net.error();
    pipeline->m_aligner = std::move(aligner).value();
    pipeline->m_net = std::move(net).value();
    return pipeline;
}

std::vector<FaceDescriptor> BaselineDlibPipeline::describeAll(const cv::Mat &bgr)
{
    // Like the dlib example: the detector runs on the colour image as loaded, at full size.
    const dlib::cv_image<dlib::bgr_pixel> image(bgr);
    std::vector<cv::Mat> chips;
    for (const dlib::rectangle &r : d->detector(image)) {
        const FaceBox box{cv::Rect(int(r.left()), int(r.top()), int(r.width()), int(r.height())), 0.0};
        chips.push_back(m_aligner->align(bgr, box).chip);
    }
    return m_net->compute(chips);
}

} // namespace mado
