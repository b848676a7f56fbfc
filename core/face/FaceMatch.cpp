#include "core/face/FaceMatch.h"

#include <QJsonArray>

namespace mado {

namespace {

QJsonObject sideToJson(const FaceSide &side)
{
    const cv::Rect &r = side.face.rect;
    return QJsonObject{
        {QStringLiteral("image"), QJsonObject{{QStringLiteral("width"), side.imageWidth},
                                              {QStringLiteral("height"), side.imageHeight}}},
        {QStringLiteral("facesFound"), side.facesFound},
        {QStringLiteral("face"), QJsonObject{{QStringLiteral("x"), r.x},
                                             {QStringLiteral("y"), r.y},
                                             {QStringLiteral("width"), r.width},
                                             {QStringLiteral("height"), r.height},
                                             {QStringLiteral("score"), side.face.score}}},
    };
}

} // namespace

QJsonObject FaceMatch::toJson() const
{
    return QJsonObject{
        {QStringLiteral("distance"), distance},
        {QStringLiteral("band"), matchBandName(band)},
        {QStringLiteral("thresholds"), QJsonObject{{QStringLiteral("matchMax"), thresholds.matchMax},
                                                   {QStringLiteral("reviewMax"), thresholds.reviewMax},
                                                   {QStringLiteral("version"), thresholds.version}}},
        {QStringLiteral("document"), sideToJson(document)},
        {QStringLiteral("selfie"), sideToJson(selfie)},
        {QStringLiteral("notes"), QJsonArray::fromStringList(notes)},
        {QStringLiteral("timingsMs"), QJsonObject{{QStringLiteral("detect"), detectMs},
                                                  {QStringLiteral("align"), alignMs},
                                                  {QStringLiteral("descriptor"), descriptorMs}}},
    };
}

} // namespace mado
