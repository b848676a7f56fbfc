#include "core/domain/CaseBundle.h"

#include <QJsonArray>

namespace mado {

namespace {

struct DocumentTypeName {
    DocumentType type;
    const char *name;
};
constexpr DocumentTypeName kDocumentTypes[] = {{DocumentType::MyNumberCard, "my_number_card"},
                                               {DocumentType::DriversLicense, "drivers_license"},
                                               {DocumentType::OtherPhotoId, "other_photo_id"}};

struct DirectionName {
    Direction direction;
    const char *name;
};
constexpr DirectionName kDirections[] = {{Direction::Front, "front"},
                                         {Direction::Left, "left"},
                                         {Direction::Right, "right"},
                                         {Direction::Up, "up"},
                                         {Direction::Down, "down"}};

QString timestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseTimestamp(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

QJsonObject imageToJson(const BundleImage &image)
{
    return QJsonObject{{QStringLiteral("file"), image.file}, {QStringLiteral("sha256"), image.sha256}};
}

BundleImage imageFromJson(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    return BundleImage{object.value(QStringLiteral("file")).toString(),
                       object.value(QStringLiteral("sha256")).toString()};
}

} // namespace

QString documentTypeName(DocumentType type)
{
    for (const auto &entry : kDocumentTypes) {
        if (entry.type == type)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<DocumentType> documentTypeFromName(const QString &name)
{
    for (const auto &entry : kDocumentTypes) {
        if (name == QLatin1String(entry.name))
            return entry.type;
    }
    return std::nullopt;
}

QString directionName(Direction direction)
{
    for (const auto &entry : kDirections) {
        if (entry.direction == direction)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<Direction> directionFromName(const QString &name)
{
    for (const auto &entry : kDirections) {
        if (name == QLatin1String(entry.name))
            return entry.direction;
    }
    return std::nullopt;
}

QJsonObject CaseBundle::toJson() const
{
    QJsonObject contact{{QStringLiteral("phone"), applicant.phone}};
    if (!applicant.email.isEmpty())
        contact.insert(QStringLiteral("email"), applicant.email);
    QJsonObject document{{QStringLiteral("type"), documentTypeName(documentType)},
                         {QStringLiteral("front"), imageToJson(documentFront)}};
    if (documentTilted)
        document.insert(QStringLiteral("tilted"), imageToJson(*documentTilted));
    QJsonArray directions;
    for (Direction d : challenge.directions)
        directions.append(directionName(d));
    QJsonArray frameArray;
    for (const SelfieFrame &frame : frames)
        frameArray.append(QJsonObject{{QStringLiteral("step"), directionName(frame.step)},
                                      {QStringLiteral("capturedAt"), timestamp(frame.capturedAt)},
                                      {QStringLiteral("image"), imageToJson(frame.image)}});
    QJsonObject manifest{
        {QStringLiteral("format"), QStringLiteral("madoguchi-case-bundle")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("applicationId"), applicationId},
        {QStringLiteral("reference"), reference},
        {QStringLiteral("receivedAt"), timestamp(receivedAt)},
        {QStringLiteral("applicant"),
         QJsonObject{{QStringLiteral("procedure"), applicant.procedure},
                     {QStringLiteral("name"), applicant.name},
                     {QStringLiteral("kana"), applicant.kana},
                     {QStringLiteral("dateOfBirth"), applicant.dateOfBirth.toString(Qt::ISODate)},
                     {QStringLiteral("address"), QJsonObject{{QStringLiteral("postalCode"), applicant.address.postalCode},
                                                             {QStringLiteral("prefecture"), applicant.address.prefecture},
                                                             {QStringLiteral("city"), applicant.address.city},
                                                             {QStringLiteral("line"), applicant.address.line}}},
                     {QStringLiteral("contact"), contact},
                     {QStringLiteral("copies"), applicant.copies}}},
        {QStringLiteral("document"), document},
        {QStringLiteral("challenge"), QJsonObject{{QStringLiteral("nonce"), challenge.nonce},
                                                  {QStringLiteral("issuedAt"), timestamp(challenge.issuedAt)},
                                                  {QStringLiteral("expiresAt"), timestamp(challenge.expiresAt)},
                                                  {QStringLiteral("directions"), directions}}},
        {QStringLiteral("selfie"), QJsonObject{{QStringLiteral("frames"), frameArray}}},
    };
    if (signature) {
        QJsonObject signatureJson{{QStringLiteral("file"), signature->file}, {QStringLiteral("sha256"), signature->sha256}};
        if (!signature->cms.isEmpty())
            signatureJson.insert(QStringLiteral("cms"), QString::fromLatin1(signature->cms.toBase64()));
        if (!signature->signedManifest.isEmpty())
            signatureJson.insert(QStringLiteral("signedManifest"),
                                 QString::fromLatin1(signature->signedManifest.toBase64()));
        manifest.insert(QStringLiteral("signature"), signatureJson);
    }
    return manifest;
}

CaseBundle CaseBundle::fromJson(const QJsonObject &manifest)
{
    CaseBundle bundle;
    bundle.applicationId = manifest.value(QStringLiteral("applicationId")).toString();
    bundle.reference = manifest.value(QStringLiteral("reference")).toString();
    bundle.receivedAt = parseTimestamp(manifest.value(QStringLiteral("receivedAt")));

    const QJsonObject applicant = manifest.value(QStringLiteral("applicant")).toObject();
    bundle.applicant.procedure = applicant.value(QStringLiteral("procedure")).toString();
    bundle.applicant.name = applicant.value(QStringLiteral("name")).toString();
    bundle.applicant.kana = applicant.value(QStringLiteral("kana")).toString();
    bundle.applicant.dateOfBirth = QDate::fromString(applicant.value(QStringLiteral("dateOfBirth")).toString(), Qt::ISODate);
    const QJsonObject address = applicant.value(QStringLiteral("address")).toObject();
    bundle.applicant.address = PostalAddress{address.value(QStringLiteral("postalCode")).toString(),
                                             address.value(QStringLiteral("prefecture")).toString(),
                                             address.value(QStringLiteral("city")).toString(),
                                             address.value(QStringLiteral("line")).toString()};
    const QJsonObject contact = applicant.value(QStringLiteral("contact")).toObject();
    bundle.applicant.phone = contact.value(QStringLiteral("phone")).toString();
    bundle.applicant.email = contact.value(QStringLiteral("email")).toString();
    bundle.applicant.copies = applicant.value(QStringLiteral("copies")).toInt(1);

    const QJsonObject document = manifest.value(QStringLiteral("document")).toObject();
    bundle.documentType =
        documentTypeFromName(document.value(QStringLiteral("type")).toString()).value_or(DocumentType::OtherPhotoId);
    bundle.documentFront = imageFromJson(document.value(QStringLiteral("front")));
    if (document.contains(QStringLiteral("tilted")))
        bundle.documentTilted = imageFromJson(document.value(QStringLiteral("tilted")));

    const QJsonObject challenge = manifest.value(QStringLiteral("challenge")).toObject();
    bundle.challenge.nonce = challenge.value(QStringLiteral("nonce")).toString();
    bundle.challenge.issuedAt = parseTimestamp(challenge.value(QStringLiteral("issuedAt")));
    bundle.challenge.expiresAt = parseTimestamp(challenge.value(QStringLiteral("expiresAt")));
    const QJsonArray directions = challenge.value(QStringLiteral("directions")).toArray();
    for (int i = 0; i < 3 && i < directions.size(); ++i)
        bundle.challenge.directions[std::size_t(i)] =
            directionFromName(directions.at(i).toString()).value_or(Direction::Front);

    for (const QJsonValue &value : manifest.value(QStringLiteral("selfie")).toObject().value(QStringLiteral("frames")).toArray()) {
        const QJsonObject frame = value.toObject();
        bundle.frames.push_back(SelfieFrame{directionFromName(frame.value(QStringLiteral("step")).toString()).value_or(Direction::Front),
                                            parseTimestamp(frame.value(QStringLiteral("capturedAt"))),
                                            imageFromJson(frame.value(QStringLiteral("image")))});
    }
    if (manifest.contains(QStringLiteral("signature"))) {
        const QJsonObject signature = manifest.value(QStringLiteral("signature")).toObject();
        bundle.signature = BundleSignature{
            signature.value(QStringLiteral("file")).toString(), signature.value(QStringLiteral("sha256")).toString(),
            QByteArray::fromBase64(signature.value(QStringLiteral("cms")).toString().toLatin1()),
            QByteArray::fromBase64(signature.value(QStringLiteral("signedManifest")).toString().toLatin1())};
    }
    return bundle;
}

} // namespace mado
