#include "core/face/FaceThresholds.h"

#include <QFile>
#include <QJsonDocument>

namespace mado {

namespace {

// Reads `key` of `object` into `target` when present and numeric.
void readNumber(const QJsonObject &object, const char *key, double &target)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isDouble())
        target = value.toDouble();
}

} // namespace

Result<FaceThresholds> FaceThresholds::shipped()
{
    QFile file(resourcePath());
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Internal, QStringLiteral("the thresholds resource %1 is missing").arg(resourcePath())};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Error{ErrorCode::Internal, QStringLiteral("the thresholds file is not JSON: %1").arg(error.errorString())};
    return fromJson(document.object());
}

Result<FaceThresholds> FaceThresholds::fromJson(const QJsonObject &json)
{
    FaceThresholds t;
    t.version = json.value(QStringLiteral("version")).toString();
    if (t.version.isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the thresholds file has no version")};
    const QJsonObject models = json.value(QStringLiteral("models")).toObject();
    for (auto it = models.begin(); it != models.end(); ++it)
        t.modelSha256.insert(it.key(), it.value().toString());

    const QJsonObject match = json.value(QStringLiteral("match")).toObject();
    readNumber(match, "matchMax", t.match.matchMax);
    readNumber(match, "reviewMax", t.match.reviewMax);
    t.match.version = t.version;
    if (!(t.match.matchMax > 0.0 && t.match.matchMax <= t.match.reviewMax))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("match thresholds must satisfy 0 < matchMax <= reviewMax")};

    const QJsonObject same = json.value(QStringLiteral("samePerson")).toObject();
    readNumber(same, "turnedMax", t.samePerson.turnedMax);
    readNumber(same, "turnedWarnMax", t.samePerson.turnedWarnMax);

    const QJsonObject turn = json.value(QStringLiteral("headTurn")).toObject();
    readNumber(turn, "frontMaxYaw", t.headTurn.frontMaxYaw);
    readNumber(turn, "frontMaxPitch", t.headTurn.frontMaxPitch);
    readNumber(turn, "minYaw", t.headTurn.minYaw);
    readNumber(turn, "minPitch", t.headTurn.minPitch);
    readNumber(turn, "maxOffAxisRatio", t.headTurn.maxOffAxisRatio);
    readNumber(turn, "maxRoll", t.headTurn.maxRoll);

    const QJsonObject flat = json.value(QStringLiteral("flatPhoto")).toObject();
    readNumber(flat, "minGenuineResidual", t.flatPhoto.minGenuineResidual);

    const QJsonObject replay = json.value(QStringLiteral("replay")).toObject();
    t.replaySameFaceMaxBits = replay.value(QStringLiteral("sameFaceMaxBits")).toInt(t.replaySameFaceMaxBits);

    const QJsonObject copy = json.value(QStringLiteral("selfieCopy")).toObject();
    readNumber(copy, "maxDistance", t.selfieCopy.maxDistance);
    t.selfieCopy.maxBits = copy.value(QStringLiteral("maxBits")).toInt(t.selfieCopy.maxBits);
    return t;
}

Status FaceThresholds::checkModels() const
{
    for (Model model : {Model::FaceRecognitionResNet, Model::ShapePredictor5, Model::ShapePredictor68}) {
        const QString name = ModelSet::fileName(model);
        const QString derivedFor = modelSha256.value(name);
        if (!derivedFor.isEmpty() && derivedFor != ModelSet::expectedSha256(model))
            return Error{ErrorCode::ModelCorrupt,
                         QStringLiteral("thresholds %1 were derived for another %2; run `madoguchi-cli eval` again")
                             .arg(version, name)};
    }
    return {};
}

} // namespace mado
