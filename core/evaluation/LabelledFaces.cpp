#include "core/evaluation/LabelledFaces.h"

#include "core/face/HogFaceDetector.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace mado {

QMap<QString, std::vector<cv::Point>> LabelledFaces::points(const QByteArray &labelsJson)
{
    const QJsonObject people = QJsonDocument::fromJson(labelsJson).object().value(QStringLiteral("people")).toObject();
    QMap<QString, std::vector<cv::Point>> result;
    for (auto it = people.begin(); it != people.end(); ++it) {
        for (const QJsonValue &point : it.value().toArray())
            result[it.key()].emplace_back(point.toArray().at(0).toInt(), point.toArray().at(1).toInt());
    }
    return result;
}

Result<LabelledFaces::Split> LabelledFaces::split(const cv::Mat &groupBgr, const QByteArray &labelsJson)
{
    const QMap<QString, std::vector<cv::Point>> people = points(labelsJson);
    if (people.isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the labels hold no people")};
    cv::Mat gray;
    cv::cvtColor(groupBgr, gray, cv::COLOR_BGR2GRAY);
    HogFaceDetector detector;
    const std::vector<FaceBox> faces = detector.detect(gray, std::max(gray.cols, gray.rows)); // full resolution
    Split result;
    for (auto it = people.begin(); it != people.end(); ++it) {
        for (const cv::Point &centre : it.value()) {
            const auto face =
                std::find_if(faces.begin(), faces.end(), [&](const FaceBox &f) { return f.rect.contains(centre); });
            if (face == faces.end()) {
                ++result.missed;
                continue;
            }
            const cv::Rect wide = cv::Rect(face->rect.x - face->rect.width, face->rect.y - face->rect.height,
                                           face->rect.width * 3, face->rect.height * 3) &
                                  cv::Rect(0, 0, groupBgr.cols, groupBgr.rows);
            result.photos[it.key()].push_back(groupBgr(wide).clone());
        }
    }
    return result;
}

QByteArray LabelledFaces::baldGuysLabels()
{
    QFile file(QStringLiteral(":/samples/bald_guys.labels.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace mado
