#include "core/face/CaseVerifier.h"

#include "core/face/DocumentPortrait.h"
#include "core/face/FaceAligner.h"
#include "core/face/FaceDescriptorNet.h"
#include "core/face/HogFaceDetector.h"
#include "core/face/ImageDecoder.h"
#include "core/face/LandmarkModel68.h"
#include "core/face/PerceptualHash.h"
#include "core/face/VerdictChecks.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <opencv2/imgproc.hpp>

namespace mado {

namespace {

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

Outcome outcomeOf(GateLevel level)
{
    return level == GateLevel::Fail ? Outcome::Fail : level == GateLevel::Warn ? Outcome::Warn : Outcome::Pass;
}

// What the analysis of one image produced, before descriptors.
struct Analysis {
    FaceEvidence evidence;
    AlignedFace aligned;
    Landmarks68 landmarks;
    std::optional<HeadPose> pose;
    DocumentPortraitResult document; // document only
    std::optional<Error> error;      // an engine failure (not "no face")
    double ms = 0.0;                 // time spent on this image
};

} // namespace

struct CaseVerifier::Impl {
    std::shared_ptr<const FaceAligner> aligner;
    std::shared_ptr<const LandmarkModel68> landmarks;
    std::unique_ptr<FaceDescriptorNet> net;
    std::vector<std::unique_ptr<HogFaceDetector>> detectors;
    std::vector<HogFaceDetector *> freeDetectors;
    QMutex detectorMutex;
    QThreadPool pool;
    ModelSet models;

    HogFaceDetector *takeDetector()
    {
        QMutexLocker lock(&detectorMutex);
        HogFaceDetector *detector = freeDetectors.back();
        freeDetectors.pop_back();
        return detector;
    }
    void giveBack(HogFaceDetector *detector)
    {
        QMutexLocker lock(&detectorMutex);
        freeDetectors.push_back(detector);
    }

    Result<AlignedFace> findFace(HogFaceDetector &detector, const cv::Mat &bgr, int *facesFound, int firstPassSide) const
    {
        cv::Mat gray;
        cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
        const std::vector<FaceBox> faces = detector.detect(gray, firstPassSide);
        *facesFound = int(faces.size());
        if (faces.empty())
            return Error{ErrorCode::NoFace, QStringLiteral("no face found")};
        return aligner->align(bgr, faces.front());
    }

    // Landmarks, quality and hash of the face found in `source`.
    void describeFace(Analysis &a, const cv::Mat &source, const QualityGates &gates) const
    {
        const cv::Rect &box = a.aligned.box.rect;
        a.evidence.found = true;
        a.evidence.faceHash = PerceptualHash::faceHash(a.aligned.chip);
        a.evidence.x = box.x;
        a.evidence.y = box.y;
        a.evidence.width = box.width;
        a.evidence.height = box.height;
        auto located = landmarks->locate(source, box);
        if (!located)
            return;
        a.landmarks = located.value();
        for (const cv::Point2f &p : a.landmarks.points()) {
            a.evidence.landmarks.push_back(p.x);
            a.evidence.landmarks.push_back(p.y);
        }
        const auto report = gates.evaluate(source, a.landmarks);
        if (!report)
            return;
        for (const GateResult &g : report.value().gates)
            a.evidence.quality.push_back(GateOutcome{g.gate, outcomeOf(g.level), g.reason, g.value});
        a.evidence.qualityOutcome = outcomeOf(report.value().overall);
    }
};

CaseVerifier::CaseVerifier() : d(std::make_unique<Impl>()) {}
CaseVerifier::~CaseVerifier() = default;

Result<std::unique_ptr<CaseVerifier>> CaseVerifier::load(const ModelSet &models, FaceThresholds thresholds, int lanes)
{
    const Status sameModels = thresholds.checkModels();
    if (!sameModels)
        return sameModels.error();
    auto shape = models.verifiedPath(Model::ShapePredictor5);
    if (!shape)
        return shape.error();
    auto resnet = models.verifiedPath(Model::FaceRecognitionResNet);
    if (!resnet)
        return resnet.error();
    std::unique_ptr<CaseVerifier> verifier(new CaseVerifier);
    auto aligner = FaceAligner::load(shape.value());
    if (!aligner)
        return aligner.error();
    auto landmarks = LandmarkModel68::load(models);
    if (!landmarks)
        return landmarks.error();
    auto net = FaceDescriptorNet::load(resnet.value());
    if (!net)
        return net.error();
    verifier->d->aligner = std::move(aligner).value();
    verifier->d->landmarks = std::move(landmarks).value();
    verifier->d->net = std::move(net).value();
    verifier->d->models = models;
    lanes = std::max(1, lanes);
    for (int i = 0; i < lanes; ++i) {
        verifier->d->detectors.push_back(std::make_unique<HogFaceDetector>());
        verifier->d->freeDetectors.push_back(verifier->d->detectors.back().get());
    }
    verifier->d->pool.setMaxThreadCount(lanes);
    verifier->m_thresholds = std::move(thresholds);
    return verifier;
}

Result<CaseImages> CaseVerifier::decode(const CaseBundle &bundle, const QString &directory, const ImageLimits &limits)
{
    const ImageDecoder decoder(limits);
    const QDir dir(directory);
    std::vector<std::pair<BundleImage, int>> files{{bundle.documentFront, kDocumentDecodeSide}};
    for (const SelfieFrame &frame : bundle.frames)
        files.emplace_back(frame.image, 0);
    const std::vector<Result<cv::Mat>> decoded = QtConcurrent::blockingMapped<std::vector<Result<cv::Mat>>>(
        &d->pool, files, [&](const std::pair<BundleImage, int> &file) -> Result<cv::Mat> {
            QFile in(dir.filePath(file.first.file));
            if (!in.open(QIODevice::ReadOnly))
                return Error{ErrorCode::Io, QStringLiteral("%1 cannot be read").arg(file.first.file)};
            auto image = decoder.decodeReduced(in.readAll(), file.second);
            if (!image)
                return Error{image.error().code, QStringLiteral("%1: %2").arg(file.first.file, image.error().message)};
            return image.value().bgr;
        });
    CaseImages images;
    for (std::size_t i = 0; i < decoded.size(); ++i) {
        if (!decoded[i])
            return decoded[i].error();
        (i == 0 ? images.document : images.frames.emplace_back()) = decoded[i].value();
    }
    return images;
}

Result<Verdict> CaseVerifier::verifyBundle(const CaseBundle &bundle, const QString &directory)
{
    QElapsedTimer timer;
    timer.start();
    auto images = decode(bundle, directory);
    if (!images)
        return images.error();
    const double decodeMs = msSince(timer);
    auto verdict = verify(bundle, images.value());
    if (verdict) {
        verdict.value().timingsMs.insert(QStringLiteral("decode"), decodeMs);
        verdict.value().timingsMs.insert(QStringLiteral("total"), verdict.value().timingsMs.value(QStringLiteral("total")) + decodeMs);
    }
    return verdict;
}

Result<Verdict> CaseVerifier::verify(const CaseBundle &bundle, const CaseImages &images)
{
    if (images.frames.size() != bundle.frames.size() || images.document.empty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the images do not match the bundle")};
    QElapsedTimer total;
    total.start();
    const QualityGates gates(m_thresholds.quality);
    const HeadTurnCheck turnCheck(m_thresholds.headTurn);

    // Item 0 is the document, items 1.. the frames; they are independent until the descriptors.
    std::vector<int> items(images.frames.size() + 1);
    for (std::size_t i = 0; i < items.size(); ++i)
        items[i] = int(i);
    QElapsedTimer timer;
    timer.start();
    const std::vector<Analysis> analyses = QtConcurrent::blockingMapped<std::vector<Analysis>>(
        &d->pool, items, [&](int item) {
            Analysis a;
            QElapsedTimer itemTimer;
            itemTimer.start();
            HogFaceDetector *detector = d->takeDetector();
            try {
                if (item == 0) {
                    a.evidence.perceptualHash = PerceptualHash::toHex(PerceptualHash::of(images.document));
                    auto portrait = DocumentPortrait::find(
                        [&](const cv::Mat &image, int *found, int side) { return d->findFace(*detector, image, found, side); },
                        images.document);
                    if (portrait) {
                        a.document = std::move(portrait).value();
                        a.aligned = a.document.face;
                        a.evidence.facesFound = a.document.facesFound;
                        d->describeFace(a, a.document.faceSource, gates);
                    } else {
                        // No face: the card may still have been found; keep what is known.
                        a.document.card = CardDetector().detect(images.document);
                    }
                } else {
                    const cv::Mat &frame = images.frames[std::size_t(item - 1)];
                    a.evidence.perceptualHash = PerceptualHash::toHex(PerceptualHash::of(frame));
                    auto face = d->findFace(*detector, frame, &a.evidence.facesFound, kFrameDetectSide);
                    if (face) {
                        a.aligned = std::move(face).value();
                        d->describeFace(a, frame, gates);
                        if (a.landmarks.valid()) {
                            auto pose = HeadPose::estimate(a.landmarks, frame.size());
                            if (pose)
                                a.pose = pose.value();
                        }
                    }
                }
            } catch (const std::exception &e) {
                a.error = Error{ErrorCode::Internal, QStringLiteral("the face engine failed: %1").arg(QString::fromLocal8Bit(e.what()))};
            }
            d->giveBack(detector);
            a.ms = msSince(itemTimer);
            return a;
        });
    const double analyseMs = msSince(timer);
    for (const Analysis &a : analyses) {
        if (a.error)
            return *a.error;
    }

    Verdict v;
    v.applicationId = bundle.applicationId;
    const Analysis &doc = analyses[0];
    v.document.face = doc.evidence;
    v.document.cardFound = doc.document.card.has_value();
    if (doc.document.card) {
        for (const cv::Point2f &p : doc.document.card->corners) {
            v.document.cardCorners.push_back(p.x);
            v.document.cardCorners.push_back(p.y);
        }
    }
    if (doc.evidence.found) {
        v.document.portraitSource = doc.document.fromCard ? QStringLiteral("card") : QStringLiteral("whole_image");
        if (!doc.document.fromCard)
            v.notes << (v.document.cardFound ? QStringLiteral("document_portrait_not_on_card")
                                             : QStringLiteral("document_card_not_found"));
        if (doc.evidence.facesFound > 1)
            v.notes << QStringLiteral("document_several_faces_largest_used");
    }

    // Descriptors: one batch for every face found.
    timer.restart();
    std::vector<cv::Mat> chips;
    std::vector<int> owner;
    for (std::size_t i = 0; i < analyses.size(); ++i) {
        if (analyses[i].evidence.found) {
            chips.push_back(analyses[i].aligned.chip);
            owner.push_back(int(i));
        }
    }
    std::vector<FaceDescriptor> descriptors;
    try {
        descriptors = d->net->compute(chips);
    } catch (const std::exception &e) {
        return Error{ErrorCode::Internal, QStringLiteral("the face engine failed: %1").arg(QString::fromLocal8Bit(e.what()))};
    }
    std::vector<std::optional<FaceDescriptor>> byItem(analyses.size());
    for (std::size_t k = 0; k < owner.size(); ++k)
        byItem[std::size_t(owner[k])] = descriptors[k];
    const double descriptorMs = msSince(timer);

    timer.restart();
    std::vector<Landmarks68> turned;
    for (std::size_t i = 0; i < bundle.frames.size(); ++i) {
        const Analysis &a = analyses[i + 1];
        FrameEvidence f;
        f.asked = bundle.frames[i].step;
        f.face = a.evidence;
        if (a.pose) {
            f.poseMeasured = true;
            f.yaw = a.pose->yaw;
            f.pitch = a.pose->pitch;
            f.roll = a.pose->roll;
            const HeadTurnDecision decision = turnCheck.evaluate(f.asked, *a.pose);
            f.stepPassed = decision.passed;
            f.stepReason = decision.reason;
        } else {
            f.stepReason = a.evidence.found ? QStringLiteral("pose_not_measured") : QStringLiteral("no_face");
        }
        if (byItem[i + 1] && byItem[1])
            f.distanceToFrontal = descriptorDistance(*byItem[i + 1], *byItem[1]);
        if (byItem[i + 1] && byItem[0])
            f.distanceToDocument = descriptorDistance(*byItem[i + 1], *byItem[0]);
        if (a.evidence.facesFound > 1)
            v.notes << QStringLiteral("frame%1_several_faces").arg(i);
        if (i > 0 && a.landmarks.valid())
            turned.push_back(a.landmarks);
        v.frames.push_back(f);
    }
    if (!v.frames.empty() && v.frames[0].distanceToDocument >= 0.0) {
        v.matchDistance = v.frames[0].distanceToDocument;
        v.bestFrameDistance = v.matchDistance;
        for (const FrameEvidence &f : v.frames) {
            if (f.distanceToDocument >= 0.0)
                v.bestFrameDistance = std::min(v.bestFrameDistance, f.distanceToDocument);
        }
        v.band = matchBandName(m_thresholds.match.classify(v.matchDistance));
    }
    std::optional<FlatPhotoDecision> flat;
    if (analyses[1].landmarks.valid() && !turned.empty()) {
        auto decision = FlatPhotoCheck(m_thresholds.flatPhoto).evaluate(analyses[1].landmarks, turned);
        if (decision) {
            flat = decision.value();
            v.flatPhotoResidual = flat->residual;
        }
    }
    v.checks = {VerdictChecks::documentFace(v),
                VerdictChecks::imageQuality(v),
                VerdictChecks::challenge(v),
                VerdictChecks::samePerson(v, m_thresholds.samePerson),
                VerdictChecks::flatPhoto(v, flat),
                VerdictChecks::replay(v, m_thresholds.replaySameFaceMaxBits),
                VerdictChecks::selfieCopiesDocument(v, m_thresholds.selfieCopy),
                VerdictChecks::captureWindow(bundle),
                VerdictChecks::faceMatch(v, m_thresholds.match)};

    v.engineVersion = QStringLiteral(MADO_VERSION);
    v.thresholdsVersion = m_thresholds.version;
    for (Model model : {Model::FaceRecognitionResNet, Model::ShapePredictor5, Model::ShapePredictor68})
        v.modelSha256.insert(ModelSet::fileName(model), ModelSet::expectedSha256(model));
    double framesMs = 0.0;
    for (std::size_t i = 1; i < analyses.size(); ++i)
        framesMs += analyses[i].ms;
    v.timingsMs.insert(QStringLiteral("document"), analyses[0].ms);
    v.timingsMs.insert(QStringLiteral("frames"), framesMs);
    v.timingsMs.insert(QStringLiteral("analyse"), analyseMs);
    v.timingsMs.insert(QStringLiteral("descriptors"), descriptorMs);
    v.timingsMs.insert(QStringLiteral("checks"), msSince(timer));
    v.timingsMs.insert(QStringLiteral("total"), msSince(total));
    return v;
}

} // namespace mado
