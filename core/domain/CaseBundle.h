#pragma once

#include <QDate>
#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <array>
#include <optional>
#include <vector>

namespace mado {

enum class DocumentType { MyNumberCard, DriversLicense, OtherPhotoId };
// Head directions, from the applicant's point of view ("left" = the applicant's left).
enum class Direction { Front, Left, Right, Up, Down };

QString documentTypeName(DocumentType type);
std::optional<DocumentType> documentTypeFromName(const QString &name);
QString directionName(Direction direction);
std::optional<Direction> directionFromName(const QString &name);

struct BundleImage {
    QString file;   // plain file name inside the bundle directory
    QString sha256; // lower-case hex of the file's bytes
};

struct PostalAddress {
    QString postalCode; // 123-4567
    QString prefecture;
    QString city;
    QString line;
};

// The applicant's form as submitted (personal data: never log it).
struct ApplicantForm {
    QString procedure; // catalogue key, e.g. "juminhyo_copy", "tax_certificate"
    QString name;
    QString kana;
    QDate dateOfBirth;
    PostalAddress address;
    QString phone;
    QString email;
    int copies = 1;
};

// The head-turn challenge the receiver issued to this applicant.
struct Challenge {
    QString nonce;
    QDateTime issuedAt;
    QDateTime expiresAt;
    std::array<Direction, 3> directions{Direction::Left, Direction::Up, Direction::Right};
};

// The applicant's JPKI signature (docs/case-bundle.md, "Signed applications"): the file
// signature.p7s, a detached CMS SignedData over the canonical manifest (CanonicalManifest).
// `cms` and `signedManifest` are filled by CaseBundleReader from the bundle; the workstation keeps
// them, base64, in its stored copy of the manifest so the signature can be checked again later.
struct BundleSignature {
    QString file;              // "signature.p7s"
    QString sha256;            // of the file
    QByteArray cms;            // DER
    QByteArray signedManifest; // the exact bytes the CMS signs
};

struct SelfieFrame {
    Direction step = Direction::Front;
    QDateTime capturedAt;
    BundleImage image;
};

// One application as handed from the receiver to the workstation: the manifest case.json of a
// bundle directory (format in docs/case-bundle.md, schema resources/schema/case-bundle.schema.json).
// Plain value; toJson() produces a manifest that validates against the schema.
struct CaseBundle {
    QString applicationId;
    QString reference;
    QDateTime receivedAt;
    ApplicantForm applicant;
    DocumentType documentType = DocumentType::MyNumberCard;
    BundleImage documentFront;
    std::optional<BundleImage> documentTilted;
    Challenge challenge;
    std::vector<SelfieFrame> frames; // frontal first, then one per challenge step, in order
    std::optional<BundleSignature> signature; // only in signed applications

    QJsonObject toJson() const;
    // Expects a manifest that passed schema validation (CaseBundleReader does both).
    static CaseBundle fromJson(const QJsonObject &manifest);
};

} // namespace mado
