#include "core/evaluation/DescriptorBenchmark.h"

#include "core/evaluation/Percentiles.h"
#include "core/face/BlasInfo.h"
#include "core/face/FaceAligner.h"
#include "core/face/FaceDescriptorNet.h"
#include "core/face/HogFaceDetector.h"
#include "core/face/ImageDecoder.h"
#include "core/face/ModelSet.h"

#include <QDirIterator>
#include <QElapsedTimer>

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace mado {

namespace {
double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}
} // namespace

Result<DescriptorBenchmark::Report> DescriptorBenchmark::run(const ModelSet &models, const QString &imageDirectory,
                                                             int rounds)
{
    auto shapePath = models.verifiedPath(Model::ShapePredictor5);
    if (!shapePath)
        return shapePath.error();
    auto netPath = models.verifiedPath(Model::FaceRecognitionResNet);
    if (!netPath)
        return netPath.error();
    auto aligner = FaceAligner::load(shapePath.value());
    if (!aligner)
        return aligner.error();
    auto net = FaceDescriptorNet::load(netPath.value());
    if (!net)
        return net.error();
    HogFaceDetector detector;
    const ImageDecoder decoder;

    std::vector<cv::Mat> decoded;
    QDirIterator it(imageDirectory, {QStringLiteral("*.jpg"), QStringLiteral("*.png")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        auto image = decoder.decodeFile(it.next());
        if (image)
            decoded.push_back(image.value().bgr);
    }
    // The first descriptor call allocates the network's buffers: keep it out of the figures.
    if (!decoded.empty())
        net.value()->compute({cv::Mat(150, 150, CV_8UC3, cv::Scalar::all(128))});

    Report report;
    report.images = int(decoded.size());
    report.rounds = std::max(1, rounds);
    std::vector<double> detectMs, alignMs, descriptorMs;
    for (int round = 0; round < report.rounds; ++round) {
        for (const cv::Mat &bgr : decoded) {
            QElapsedTimer timer;
            timer.start();
            cv::Mat gray;
            cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
            const auto faces = detector.detect(gray);
            detectMs.push_back(elapsedMs(timer));
            if (faces.empty())
                continue;
            timer.restart();
            const AlignedFace face = aligner.value()->align(bgr, faces.front());
            alignMs.push_back(elapsedMs(timer));
            timer.restart();
            net.value()->compute({face.chip});
            descriptorMs.push_back(elapsedMs(timer));
            ++report.faces;
        }
    }
    report.detectMedianMs = Percentiles::median(std::move(detectMs));
    report.alignMedianMs = Percentiles::median(std::move(alignMs));
    report.descriptorMedianMs = Percentiles::median(std::move(descriptorMs));
    report.blas = BlasInfo::loadedLibrary();
    return report;
}

} // namespace mado
