#include "core/face/FaceEngine.h"

#include "core/face/FaceAligner.h"
#include "core/face/FaceDescriptorNet.h"
#include "core/face/HogFaceDetector.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <opencv2/imgproc.hpp>

namespace mado {

Q_LOGGING_CATEGORY(lcFace, "mado.face")

namespace {
double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}
} // namespace

FaceEngine::FaceEngine() = default;
FaceEngine::~FaceEngine() = default;

Result<std::unique_ptr<FaceEngine>> FaceEngine::load(const ModelSet &models, MatchThresholds thresholds)
{
    auto shapePath = models.verifiedPath(Model::ShapePredictor5);
    if (!shapePath)
        return shapePath.error();
    auto resnetPath = models.verifiedPath(Model::FaceRecognitionResNet);
    if (!resnetPath)
        return resnetPath.error();

    std::unique_ptr<FaceEngine> engine(new FaceEngine);
    auto aligner = FaceAligner::load(shapePath.value());
    if (!aligner)
        return aligner.error();
    auto net = FaceDescriptorNet::load(resnetPath.value());
    if (!net)
        return net.error();
    engine->m_detector = std::make_unique<HogFaceDetector>();
    engine->m_aligner = std::move(aligner).value();
    engine->m_net = std::move(net).value();
    engine->m_thresholds = std::move(thresholds);
    qCDebug(lcFace) << "face models loaded from" << models.directory();
    return engine;
}

Result<FaceEngine::Found> FaceEngine::largestFace(const cv::Mat &bgr, const char *sideName, FaceMatch &timings)
{
    if (bgr.empty() || bgr.type() != CV_8UC3)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the %1 image is not 8-bit colour").arg(sideName)};
    QElapsedTimer timer;
    timer.start();
    cv::Mat gray;
    cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    const std::vector<FaceBox> faces = m_detector->detect(gray);
    timings.detectMs += elapsedMs(timer);
    if (faces.empty())
        return Error{ErrorCode::NoFace, QStringLiteral("no face found in the %1 image").arg(sideName)};

    timer.restart();
    Found found;
    found.side.imageWidth = bgr.cols;
    found.side.imageHeight = bgr.rows;
    found.side.facesFound = int(faces.size());
    found.side.face = faces.front(); // the detector sorts largest first
    found.face = m_aligner->align(bgr, faces.front());
    timings.alignMs += elapsedMs(timer);
    if (faces.size() > 1)
        timings.notes << QStringLiteral("%1_several_faces_largest_used").arg(sideName);
    return found;
}

Result<AlignedFace> FaceEngine::alignLargestFace(const cv::Mat &bgr, int *facesFound, int firstPassMaxSide)
{
    if (bgr.empty() || bgr.type() != CV_8UC3)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the image is not 8-bit colour")};
    try {
        cv::Mat gray;
        cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
        const std::vector<FaceBox> faces = m_detector->detect(gray, firstPassMaxSide);
        if (facesFound)
            *facesFound = int(faces.size());
        if (faces.empty())
            return Error{ErrorCode::NoFace, QStringLiteral("no face found")};
        return m_aligner->align(bgr, faces.front());
    } catch (const std::exception &e) {
        qCWarning(lcFace) << "face engine failure:" << e.what();
        return Error{ErrorCode::Internal, QStringLiteral("the face engine failed: %1").arg(QString::fromLocal8Bit(e.what()))};
    }
}

std::vector<FaceDescriptor> FaceEngine::describe(const std::vector<cv::Mat> &chips)
{
    return m_net->compute(chips);
}

Result<FaceDescriptor> FaceEngine::describeLargestFace(const cv::Mat &bgr)
{
    try {
        FaceMatch scratch;
        auto found = largestFace(bgr, "input", scratch);
        if (!found)
            return found.error();
        return m_net->compute({found.value().face.chip}).at(0);
    } catch (const std::exception &e) {
        qCWarning(lcFace) << "face engine failure:" << e.what();
        return Error{ErrorCode::Internal, QStringLiteral("the face engine failed: %1").arg(QString::fromLocal8Bit(e.what()))};
    }
}

Result<FaceMatch> FaceEngine::match(const cv::Mat &documentBgr, const cv::Mat &selfieBgr)
{
    FaceMatch result;
    result.thresholds = m_thresholds;
    try {
        auto document = largestFace(documentBgr, "document", result);
        if (!document)
            return document.error();
        auto selfie = largestFace(selfieBgr, "selfie", result);
        if (!selfie)
            return selfie.error();

        QElapsedTimer timer;
        timer.start();
        const std::vector<FaceDescriptor> descriptors =
            m_net->compute({document.value().face.chip, selfie.value().face.chip});
        result.descriptorMs = elapsedMs(timer);

        result.document = document.value().side;
        result.selfie = selfie.value().side;
        result.distance = descriptorDistance(descriptors.at(0), descriptors.at(1));
        result.band = m_thresholds.classify(result.distance);
        return result;
    } catch (const std::exception &e) {
        // dlib and OpenCV report failures by exception; they never leave the engine.
        qCWarning(lcFace) << "face engine failure:" << e.what();
        return Error{ErrorCode::Internal, QStringLiteral("the face engine failed: %1").arg(QString::fromLocal8Bit(e.what()))};
    }
}

} // namespace mado
