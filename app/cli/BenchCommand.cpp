#include "app/cli/CliCommand.h"

#include "core/face/BlasInfo.h"
#include "core/face/FaceAligner.h"
#include "core/face/FaceDescriptorNet.h"
#include "core/face/HogFaceDetector.h"
#include "core/face/ImageDecoder.h"
#include "core/face/ModelSet.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace mado::cli {

namespace {

double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

// `bench descriptor IMAGE_DIR [N]`: per-stage medians of the face pipeline on the images of a
// directory (recursively), one face per image, and the BLAS library in use.
int runBench(const QStringList &arguments, CliStreams streams)
{
    if (arguments.size() < 3 || arguments.at(1) != QLatin1String("descriptor")) {
        streams.err << "usage: madoguchi-cli bench descriptor IMAGE_DIR [ROUNDS]" << Qt::endl;
        return kExitUsage;
    }
    const int rounds = arguments.size() > 3 ? std::max(1, arguments.at(3).toInt()) : 3;
    const ModelSet models;
    auto shapePath = models.verifiedPath(Model::ShapePredictor5);
    auto netPath = models.verifiedPath(Model::FaceRecognitionResNet);
    if (!shapePath || !netPath) {
        streams.err << "madoguchi-cli bench: " << (!shapePath ? shapePath.error() : netPath.error()).message << Qt::endl;
        return kExitSetup;
    }
    auto aligner = FaceAligner::load(shapePath.value());
    auto net = FaceDescriptorNet::load(netPath.value());
    if (!aligner || !net) {
        streams.err << "madoguchi-cli bench: " << (!aligner ? aligner.error() : net.error()).message << Qt::endl;
        return kExitSetup;
    }
    HogFaceDetector detector;
    const ImageDecoder decoder;

    std::vector<double> detectMs, alignMs, descriptorMs;
    int images = 0;
    QDirIterator it(arguments.at(2), {QStringLiteral("*.jpg"), QStringLiteral("*.png")}, QDir::Files,
                    QDirIterator::Subdirectories);
    std::vector<cv::Mat> decoded;
    while (it.hasNext()) {
        auto image = decoder.decodeFile(it.next());
        if (image)
            decoded.push_back(image.value().bgr);
    }
    // The first descriptor call allocates the network's buffers: keep it out of the figures.
    if (!decoded.empty())
        net.value()->compute({cv::Mat(150, 150, CV_8UC3, cv::Scalar::all(128))});
    for (int round = 0; round < rounds; ++round) {
        for (const cv::Mat &bgr : decoded) {
            QElapsedTimer timer;
            timer.start();
            cv::Mat gray;
            cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
            const auto faces = detector.detect(gray);
            detectMs.push_back(timer.nsecsElapsed() / 1e6);
            if (faces.empty())
                continue;
            timer.restart();
            const AlignedFace face = aligner.value()->align(bgr, faces.front());
            alignMs.push_back(timer.nsecsElapsed() / 1e6);
            timer.restart();
            net.value()->compute({face.chip});
            descriptorMs.push_back(timer.nsecsElapsed() / 1e6);
            ++images;
        }
    }
    streams.out << "blas:                 " << BlasInfo::loadedLibrary() << Qt::endl
                << "images x rounds:      " << decoded.size() << " x " << rounds << " (" << images
                << " faces)" << Qt::endl
                << "detect median ms:     " << QString::number(median(detectMs), 'f', 2) << Qt::endl
                << "align median ms:      " << QString::number(median(alignMs), 'f', 2) << Qt::endl
                << "descriptor median ms: " << QString::number(median(descriptorMs), 'f', 2) << Qt::endl;
    return images > 0 ? kExitOk : kExitFailed;
}

} // namespace mado::cli
