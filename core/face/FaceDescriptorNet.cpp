#include "core/face/FaceDescriptorNet.h"

#include "core/face/ModelFileStream.h"

#include <dlib/dnn.h>

namespace mado {

namespace {

// The network layout of dlib_face_recognition_resnet_model_v1.dat. The layer types must match
// the serialized model exactly, otherwise deserialisation fails.
namespace net {
using namespace dlib;

template <int Filters, template <typename> class Norm, int Stride, typename Input>
using convPair = Norm<con<Filters, 3, 3, 1, 1, relu<Norm<con<Filters, 3, 3, Stride, Stride, Input>>>>>;

template <template <int, template <typename> class, int, typename> class Block, int Filters,
          template <typename> class Norm, typename Input>
using sameSize = add_prev1<Block<Filters, Norm, 1, tag1<Input>>>;

template <template <int, template <typename> class, int, typename> class Block, int Filters,
          template <typename> class Norm, typename Input>
using halfSize = add_prev2<avg_pool<2, 2, 2, 2, skip1<tag2<Block<Filters, Norm, 2, tag1<Input>>>>>>;

template <int Filters, typename Input>
using unit = relu<sameSize<convPair, Filters, affine, Input>>;
template <int Filters, typename Input>
using unitDown = relu<halfSize<convPair, Filters, affine, Input>>;

template <typename Input>
using stage256a = unitDown<256, Input>;
template <typename Input>
using stage256b = unit<256, unit<256, unitDown<256, Input>>>;
template <typename Input>
using stage128 = unit<128, unit<128, unitDown<128, Input>>>;
template <typename Input>
using stage64 = unit<64, unit<64, unit<64, unitDown<64, Input>>>>;
template <typename Input>
using stage32 = unit<32, unit<32, unit<32, Input>>>;

using FaceResNet = loss_metric<fc_no_bias<
    128, avg_pool_everything<stage256a<stage256b<stage128<stage64<
             stage32<max_pool<3, 3, 2, 2, relu<affine<con<32, 7, 7, 2, 2, input_rgb_image_sized<150>>>>>>>>>>>>>;
} // namespace net

} // namespace

struct FaceDescriptorNet::Impl {
    net::FaceResNet network;
};

FaceDescriptorNet::FaceDescriptorNet() : d(std::make_unique<Impl>()) {}
FaceDescriptorNet::~FaceDescriptorNet() = default;

Result<std::unique_ptr<FaceDescriptorNet>> FaceDescriptorNet::load(const QString &resnetModelPath)
{
    std::unique_ptr<FaceDescriptorNet> descriptorNet(new FaceDescriptorNet);
    try {
        std::ifstream file = ModelFileStream::open(resnetModelPath);
        dlib::deserialize(file) >> descriptorNet->d->network;
    } catch (const std::exception &) {
        return Error{ErrorCode::ModelCorrupt,
                     QStringLiteral("model file %1 cannot be loaded by dlib").arg(resnetModelPath)};
    }
    return descriptorNet;
}

std::vector<FaceDescriptor> FaceDescriptorNet::compute(const std::vector<cv::Mat> &rgbChips)
{
    std::vector<dlib::matrix<dlib::rgb_pixel>> chips;
    chips.reserve(rgbChips.size());
    for (const cv::Mat &source : rgbChips) {
        CV_Assert(source.type() == CV_8UC3 && source.rows == 150 && source.cols == 150);
        dlib::matrix<dlib::rgb_pixel> chip(source.rows, source.cols);
        for (int r = 0; r < source.rows; ++r) {
            const auto *row = source.ptr<cv::Vec3b>(r);
            for (int c = 0; c < source.cols; ++c)
                chip(r, c) = dlib::rgb_pixel(row[c][0], row[c][1], row[c][2]);
        }
        chips.push_back(std::move(chip));
    }
    std::vector<FaceDescriptor> descriptors;
    if (chips.empty())
        return descriptors;
    const std::vector<dlib::matrix<float, 0, 1>> outputs = d->network(chips);
    descriptors.reserve(outputs.size());
    for (const auto &out : outputs) {
        FaceDescriptor descriptor{};
        for (long i = 0; i < out.size() && i < long(descriptor.size()); ++i)
            descriptor[std::size_t(i)] = out(i);
        descriptors.push_back(descriptor);
    }
    return descriptors;
}

} // namespace mado
