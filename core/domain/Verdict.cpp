#include "core/domain/Verdict.h"

#include <QJsonArray>

namespace mado {

namespace {

QJsonArray floatsToJson(const std::vector<float> &values)
{
    QJsonArray array;
    for (float v : values)
        array.append(double(v));
    return array;
}

std::vector<float> floatsFromJson(const QJsonValue &value)
{
    std::vector<float> values;
    for (const QJsonValue &v : value.toArray())
        values.push_back(float(v.toDouble()));
    return values;
}

Outcome outcomeOf(const QJsonValue &value)
{
    return outcomeFromName(value.toString()).value_or(Outcome::Fail);
}

QJsonObject gateToJson(const GateOutcome &g)
{
    return {{QStringLiteral("gate"), g.gate},
            {QStringLiteral("outcome"), outcomeName(g.outcome)},
            {QStringLiteral("reason"), g.reason},
            {QStringLiteral("value"), g.value}};
}

QJsonObject faceToJson(const FaceEvidence &f)
{
    QJsonArray gates;
    for (const GateOutcome &g : f.quality)
        gates.append(gateToJson(g));
    return {{QStringLiteral("found"), f.found},
            {QStringLiteral("facesFound"), f.facesFound},
            {QStringLiteral("box"), QJsonArray{f.x, f.y, f.width, f.height}},
            {QStringLiteral("landmarks"), floatsToJson(f.landmarks)},
            {QStringLiteral("quality"), gates},
            {QStringLiteral("qualityOutcome"), outcomeName(f.qualityOutcome)},
            {QStringLiteral("perceptualHash"), f.perceptualHash},
            {QStringLiteral("faceHash"), f.faceHash}};
}

FaceEvidence faceFromJson(const QJsonObject &o)
{
    FaceEvidence f;
    f.found = o.value(QStringLiteral("found")).toBool();
    f.facesFound = o.value(QStringLiteral("facesFound")).toInt();
    const QJsonArray box = o.value(QStringLiteral("box")).toArray();
    f.x = box.at(0).toInt();
    f.y = box.at(1).toInt();
    f.width = box.at(2).toInt();
    f.height = box.at(3).toInt();
    f.landmarks = floatsFromJson(o.value(QStringLiteral("landmarks")));
    for (const QJsonValue &g : o.value(QStringLiteral("quality")).toArray()) {
        const QJsonObject gate = g.toObject();
        f.quality.push_back(GateOutcome{gate.value(QStringLiteral("gate")).toString(),
                                        outcomeOf(gate.value(QStringLiteral("outcome"))),
                                        gate.value(QStringLiteral("reason")).toString(),
                                        gate.value(QStringLiteral("value")).toDouble()});
    }
    f.qualityOutcome = outcomeOf(o.value(QStringLiteral("qualityOutcome")));
    f.perceptualHash = o.value(QStringLiteral("perceptualHash")).toString();
    f.faceHash = o.value(QStringLiteral("faceHash")).toString();
    return f;
}

template <typename Map>
QJsonObject mapToJson(const Map &map)
{
    QJsonObject o;
    for (auto it = map.begin(); it != map.end(); ++it)
        o.insert(it.key(), QJsonValue(it.value()));
    return o;
}

} // namespace

QString outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pass:
        return QStringLiteral("pass");
    case Outcome::Warn:
        return QStringLiteral("warn");
    case Outcome::Fail:
        return QStringLiteral("fail");
    }
    return QStringLiteral("fail");
}

std::optional<Outcome> outcomeFromName(const QString &name)
{
    for (Outcome o : {Outcome::Pass, Outcome::Warn, Outcome::Fail}) {
        if (outcomeName(o) == name)
            return o;
    }
    return std::nullopt;
}

Outcome worst(Outcome a, Outcome b)
{
    return int(a) >= int(b) ? a : b;
}

const Check *Verdict::check(const QString &id) const
{
    for (const Check &c : checks) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

Outcome Verdict::overall() const
{
    Outcome result = Outcome::Pass;
    for (const Check &c : checks)
        result = worst(result, c.outcome);
    return result;
}

QJsonObject Verdict::toJson() const
{
    QJsonArray frameArray;
    for (const FrameEvidence &f : frames)
        frameArray.append(QJsonObject{{QStringLiteral("asked"), directionName(f.asked)},
                                      {QStringLiteral("face"), faceToJson(f.face)},
                                      {QStringLiteral("poseMeasured"), f.poseMeasured},
                                      {QStringLiteral("pose"), QJsonArray{f.yaw, f.pitch, f.roll}},
                                      {QStringLiteral("stepPassed"), f.stepPassed},
                                      {QStringLiteral("stepReason"), f.stepReason},
                                      {QStringLiteral("distanceToFrontal"), f.distanceToFrontal},
                                      {QStringLiteral("distanceToDocument"), f.distanceToDocument}});
    QJsonArray checkArray;
    for (const Check &c : checks)
        checkArray.append(QJsonObject{{QStringLiteral("id"), c.id},
                                      {QStringLiteral("outcome"), outcomeName(c.outcome)},
                                      {QStringLiteral("reason"), c.reason},
                                      {QStringLiteral("value"), c.value}});
    QJsonObject json{
        {QStringLiteral("formatVersion"), kFormatVersion},
        {QStringLiteral("applicationId"), applicationId},
        {QStringLiteral("overall"), outcomeName(overall())},
        {QStringLiteral("band"), band},
        {QStringLiteral("matchDistance"), matchDistance},
        {QStringLiteral("bestFrameDistance"), bestFrameDistance},
        {QStringLiteral("flatPhotoResidual"), flatPhotoResidual},
        {QStringLiteral("checks"), checkArray},
        {QStringLiteral("document"), QJsonObject{{QStringLiteral("cardFound"), document.cardFound},
                                                 {QStringLiteral("cardCorners"), floatsToJson(document.cardCorners)},
                                                 {QStringLiteral("portraitSource"), document.portraitSource},
                                                 {QStringLiteral("face"), faceToJson(document.face)}}},
        {QStringLiteral("frames"), frameArray},
        {QStringLiteral("notes"), QJsonArray::fromStringList(notes)},
        {QStringLiteral("engineVersion"), engineVersion},
        {QStringLiteral("thresholdsVersion"), thresholdsVersion},
        {QStringLiteral("modelSha256"), mapToJson(modelSha256)},
        {QStringLiteral("timingsMs"), mapToJson(timingsMs)},
    };
    if (jpkiSignature)
        json.insert(QStringLiteral("jpki_signature"), jpkiSignature->toJson());
    return json;
}

Result<Verdict> Verdict::fromJson(const QJsonObject &json)
{
    if (json.value(QStringLiteral("formatVersion")).toInt() != kFormatVersion)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("verdict format version %1 is not supported")
                         .arg(json.value(QStringLiteral("formatVersion")).toInt())};
    Verdict v;
    v.applicationId = json.value(QStringLiteral("applicationId")).toString();
    v.band = json.value(QStringLiteral("band")).toString();
    v.matchDistance = json.value(QStringLiteral("matchDistance")).toDouble();
    v.bestFrameDistance = json.value(QStringLiteral("bestFrameDistance")).toDouble();
    v.flatPhotoResidual = json.value(QStringLiteral("flatPhotoResidual")).toDouble();
    for (const QJsonValue &c : json.value(QStringLiteral("checks")).toArray()) {
        const QJsonObject o = c.toObject();
        v.checks.push_back(Check{o.value(QStringLiteral("id")).toString(), outcomeOf(o.value(QStringLiteral("outcome"))),
                                 o.value(QStringLiteral("reason")).toString(), o.value(QStringLiteral("value")).toDouble()});
    }
    const QJsonObject document = json.value(QStringLiteral("document")).toObject();
    v.document.cardFound = document.value(QStringLiteral("cardFound")).toBool();
    v.document.cardCorners = floatsFromJson(document.value(QStringLiteral("cardCorners")));
    v.document.portraitSource = document.value(QStringLiteral("portraitSource")).toString();
    v.document.face = faceFromJson(document.value(QStringLiteral("face")).toObject());
    for (const QJsonValue &f : json.value(QStringLiteral("frames")).toArray()) {
        const QJsonObject o = f.toObject();
        FrameEvidence frame;
        frame.asked = directionFromName(o.value(QStringLiteral("asked")).toString()).value_or(Direction::Front);
        frame.face = faceFromJson(o.value(QStringLiteral("face")).toObject());
        frame.poseMeasured = o.value(QStringLiteral("poseMeasured")).toBool();
        const QJsonArray pose = o.value(QStringLiteral("pose")).toArray();
        frame.yaw = pose.at(0).toDouble();
        frame.pitch = pose.at(1).toDouble();
        frame.roll = pose.at(2).toDouble();
        frame.stepPassed = o.value(QStringLiteral("stepPassed")).toBool();
        frame.stepReason = o.value(QStringLiteral("stepReason")).toString();
        frame.distanceToFrontal = o.value(QStringLiteral("distanceToFrontal")).toDouble();
        frame.distanceToDocument = o.value(QStringLiteral("distanceToDocument")).toDouble();
        v.frames.push_back(frame);
    }
    for (const QJsonValue &n : json.value(QStringLiteral("notes")).toArray())
        v.notes << n.toString();
    v.engineVersion = json.value(QStringLiteral("engineVersion")).toString();
    v.thresholdsVersion = json.value(QStringLiteral("thresholdsVersion")).toString();
    const QJsonObject models = json.value(QStringLiteral("modelSha256")).toObject();
    for (auto it = models.begin(); it != models.end(); ++it)
        v.modelSha256.insert(it.key(), it.value().toString());
    const QJsonObject timings = json.value(QStringLiteral("timingsMs")).toObject();
    for (auto it = timings.begin(); it != timings.end(); ++it)
        v.timingsMs.insert(it.key(), it.value().toDouble());
    if (json.value(QStringLiteral("jpki_signature")).isObject())
        v.jpkiSignature = JpkiSignatureResult::fromJson(json.value(QStringLiteral("jpki_signature")).toObject());
    return v;
}

} // namespace mado
