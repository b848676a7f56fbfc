#pragma once

#include "core/domain/Result.h"
#include "core/face/FaceTypes.h"

#include <QString>

#include <memory>
#include <vector>

namespace mado {

// dlib's ResNet v1 face recognition network (29 conv layers, 128-D output), computing
// descriptors from 150x150 RGB chips. The network keeps per-call state: one instance per
// thread (loading costs about 0.1 s and 22 MB).
class FaceDescriptorNet {
public:
    static Result<std::unique_ptr<FaceDescriptorNet>> load(const QString &resnetModelPath);
    ~FaceDescriptorNet();

    std::vector<FaceDescriptor> compute(const std::vector<cv::Mat> &rgbChips);

private:
    FaceDescriptorNet();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mado
