#include "core/evaluation/LivenessEvaluation.h"

#include "core/face/FlatPhotoCheck.h"
#include "core/face/HeadPose.h"
#include "core/face/HeadTurnCheck.h"
#include "core/face/HogFaceDetector.h"
#include "core/face/ImageDecoder.h"
#include "core/face/LandmarkModel68.h"
#include "core/evaluation/PlaneTilt.h"
#include "core/evaluation/SampleCaseWriter.h"

#include <QDir>
#include <QJsonArray>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace mado {

namespace {

struct Rotation {
    double yaw;
    double pitch;
};
constexpr Rotation kAttackRotations[] = {{20, 0}, {-20, 0}, {30, 0}, {-30, 0}, {35, 0}, {-35, 0}, {0, 20}, {0, -20}};
constexpr Rotation kAttackSet[] = {{30, 0}, {0, 20}, {-30, 0}};
constexpr double kMinGenuineTurnDeg = 10.0;

// What a phone camera adds to a filmed print: a little blur, sensor noise, JPEG.
cv::Mat filmed(const cv::Mat &frame, unsigned seed)
{
    cv::Mat out;
    cv::GaussianBlur(frame, out, cv::Size(0, 0), 0.8);
    cv::Mat noise(out.size(), CV_8UC3);
    cv::RNG rng(seed);
    rng.fill(noise, cv::RNG::NORMAL, cv::Scalar::all(0), cv::Scalar::all(3));
    cv::add(out, noise, out);
    std::vector<uchar> jpeg;
    cv::imencode(".jpg", out, jpeg, {cv::IMWRITE_JPEG_QUALITY, 85});
    return cv::imdecode(jpeg, cv::IMREAD_COLOR);
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void summarise(LivenessEvaluation::Rates &rates, const std::vector<double> &attacks, const std::vector<double> &genuine,
               double threshold)
{
    rates.attacks = int(attacks.size());
    rates.genuine = int(genuine.size());
    rates.attacksAccepted = int(std::count_if(attacks.begin(), attacks.end(), [&](double r) { return r >= threshold; }));
    rates.genuineRejected = int(std::count_if(genuine.begin(), genuine.end(), [&](double r) { return r < threshold; }));
    rates.attackMedian = median(attacks);
    rates.attackMax = attacks.empty() ? 0.0 : *std::max_element(attacks.begin(), attacks.end());
    rates.genuineMedian = median(genuine);
    rates.genuineMin = genuine.empty() ? 0.0 : *std::min_element(genuine.begin(), genuine.end());
}

} // namespace

Result<LivenessEvaluation::Report> LivenessEvaluation::run(const ModelSet &models, const FaceThresholds &thresholds,
                                                           const QString &directory)
{
    auto landmarkModel = LandmarkModel68::load(models);
    if (!landmarkModel)
        return landmarkModel.error();
    HogFaceDetector detector;
    const HeadTurnCheck turnCheck(thresholds.headTurn);
    auto landmarksOf = [&](const cv::Mat &bgr) -> std::optional<Landmarks68> {
        cv::Mat gray;
        cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
        const auto faces = detector.detect(gray, 480);
        if (faces.empty())
            return std::nullopt;
        auto located = landmarkModel.value()->locate(bgr, faces.front().rect);
        return located ? std::optional<Landmarks68>(located.value()) : std::nullopt;
    };
    auto residual = [](const Landmarks68 &a, const Landmarks68 &b) -> std::optional<double> {
        auto r = FlatPhotoCheck::residual(a, b);
        return r ? std::optional<double>(r.value()) : std::nullopt;
    };

    Report report;
    report.threshold = thresholds.flatPhoto.minGenuineResidual;
    std::vector<double> attackFrames, attackSets, genuineFrames, genuineSets;
    const QDir root(directory);
    for (const QString &person : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir dir(root.filePath(person));
        std::vector<Landmarks68> upright;
        std::vector<cv::Mat> frames;
        std::vector<std::optional<HeadPose>> poses;
        for (const QString &file : dir.entryList({QStringLiteral("*.jpg"), QStringLiteral("*.png")}, QDir::Files, QDir::Name)) {
            auto image = ImageDecoder().decodeFile(dir.filePath(file));
            if (!image)
                continue;
            const cv::Mat frame = SampleCaseWriter::cameraFrame(image.value().bgr, cv::Size(1280, 720), unsigned(report.photos + 1));
            auto lm = landmarksOf(filmed(frame, 1));
            if (!lm)
                continue;
            ++report.photos;
            upright.push_back(*lm);
            frames.push_back(frame);
            auto pose = HeadPose::estimate(*lm, frame.size());
            poses.push_back(pose ? std::optional<HeadPose>(pose.value()) : std::nullopt);
        }
        for (std::size_t i = 0; i < upright.size(); ++i) {
            // Genuine: the other photos of the person as turned frames, when the head really turned
            // (a frame that hardly moved fails the head-turn check before this one matters).
            std::vector<double> others;
            for (std::size_t j = 0; j < upright.size(); ++j) {
                if (j == i || !poses[i] || !poses[j])
                    continue;
                if (std::max(std::abs(poses[i]->yaw - poses[j]->yaw), std::abs(poses[i]->pitch - poses[j]->pitch)) <
                    kMinGenuineTurnDeg)
                    continue;
                if (auto r = residual(upright[i], upright[j])) {
                    genuineFrames.push_back(*r);
                    others.push_back(*r);
                }
            }
            for (std::size_t k = 0; k + 3 <= others.size(); k += 3)
                genuineSets.push_back((others[k] + others[k + 1] + others[k + 2]) / 3.0);

            // Attacks only from photos that look frontal, as a real attacker needs.
            if (!poses[i] || !turnCheck.evaluate(Direction::Front, *poses[i]).passed)
                continue;
            ++report.attackSources;
            unsigned seed = 10;
            for (const Rotation &rotation : kAttackRotations) {
                auto lm = landmarksOf(filmed(PlaneTilt::view(frames[i], rotation.yaw, rotation.pitch), ++seed));
                if (lm) {
                    if (auto r = residual(upright[i], *lm))
                        attackFrames.push_back(*r);
                }
            }
            double sum = 0.0;
            int count = 0;
            for (const Rotation &rotation : kAttackSet) {
                auto lm = landmarksOf(filmed(PlaneTilt::view(frames[i], rotation.yaw, rotation.pitch), ++seed));
                if (lm) {
                    if (auto r = residual(upright[i], *lm)) {
                        sum += *r;
                        ++count;
                    }
                }
            }
            if (count > 0)
                attackSets.push_back(sum / count);
        }
    }
    if (report.photos < 2)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1 holds too few usable photos").arg(directory)};
    summarise(report.frames, attackFrames, genuineFrames, report.threshold);
    summarise(report.sets, attackSets, genuineSets, report.threshold);
    for (double t = 0.010; t <= 0.0451; t += 0.0025) {
        Rates at;
        summarise(at, attackSets, genuineSets, t);
        report.sweep.push_back({t, at.apcer(), at.bpcer()});
    }
    return report;
}

QJsonObject LivenessEvaluation::Rates::toJson() const
{
    return QJsonObject{{QStringLiteral("attacks"), attacks},
                       {QStringLiteral("attacksAccepted"), attacksAccepted},
                       {QStringLiteral("apcer"), apcer()},
                       {QStringLiteral("genuine"), genuine},
                       {QStringLiteral("genuineRejected"), genuineRejected},
                       {QStringLiteral("bpcer"), bpcer()},
                       {QStringLiteral("attackMedian"), attackMedian},
                       {QStringLiteral("attackMax"), attackMax},
                       {QStringLiteral("genuineMedian"), genuineMedian},
                       {QStringLiteral("genuineMin"), genuineMin}};
}

QJsonObject LivenessEvaluation::Report::toJson() const
{
    return QJsonObject{{QStringLiteral("threshold"), threshold},
                       {QStringLiteral("photos"), photos},
                       {QStringLiteral("attackSources"), attackSources},
                       {QStringLiteral("singleFrames"), frames.toJson()},
                       {QStringLiteral("threeFrameSets"), sets.toJson()},
                       {QStringLiteral("sweep"), [this] {
                            QJsonArray rows;
                            for (const auto &row : sweep)
                                rows.append(QJsonArray{row[0], row[1], row[2]});
                            return rows;
                        }()}};
}

} // namespace mado
