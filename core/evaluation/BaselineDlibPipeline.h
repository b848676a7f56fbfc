#pragma once

#include "core/domain/Result.h"
#include "core/face/FaceTypes.h"
#include "core/face/ModelSet.h"

#include <memory>
#include <vector>

namespace mado {

class FaceAligner;
class FaceDescriptorNet;

// The plain dlib pipeline, as in dlib's dnn_face_recognition_ex: HOG detection on the full
// colour image, 5-point shape, 150x150 chip and ResNet descriptor for every face found. Only
// used as the baseline of `madoguchi-cli bench`, measured in the same run on the same images.
// One instance per thread.
class BaselineDlibPipeline {
public:
    static Result<std::unique_ptr<BaselineDlibPipeline>> load(const ModelSet &models);
    ~BaselineDlibPipeline();

    // Descriptors of every face in the image.
    std::vector<FaceDescriptor> describeAll(const cv::Mat &bgr);

private:
    BaselineDlibPipeline();
    struct Impl;
    std::unique_ptr<Impl> d;
    std::shared_ptr<const FaceAligner> m_aligner;
    std::unique_ptr<FaceDescriptorNet> m_net;
};

} // namespace mado
