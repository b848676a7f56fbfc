#pragma once

#include "core/domain/Result.h"
#include "core/domain/CaseBundle.h"
#include "core/domain/JpkiSignatureResult.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace mado {

enum class Outcome { Pass, Warn, Fail };
QString outcomeName(Outcome outcome);
std::optional<Outcome> outcomeFromName(const QString &name);
Outcome worst(Outcome a, Outcome b);

// One check of the verification with its result and a stable reason code ("ok", "blurred",
// "flat_photo_suspected", ...). The UI turns codes into Japanese/English words.
struct Check {
    QString id;      // "document_face", "image_quality", "challenge", "same_person", "flat_photo",
                     // "replay", "selfie_copies_document", "capture_window", "face_match"
    Outcome outcome = Outcome::Pass;
    QString reason;  // stable code
    double value = 0.0; // the measured quantity the decision used (distance, residual, ...)
};

struct GateOutcome {
    QString gate; // "sharpness", "exposure", "face_size", "framing"
    Outcome outcome = Outcome::Pass;
    QString reason;
    double value = 0.0;
};

// What the engine saw of one face in one image. Coordinates are pixels of the image as stored.
struct FaceEvidence {
    bool found = false;
    int facesFound = 0;
    int x = 0, y = 0, width = 0, height = 0; // the face used (the largest)
    std::vector<float> landmarks;            // 68 points as x0, y0, x1, y1, ... (empty when not found)
    std::vector<GateOutcome> quality;
    Outcome qualityOutcome = Outcome::Pass;
    QString perceptualHash; // 16 hex digits of the whole image's dHash (64 bits)
    QString faceHash;       // 64 hex digits of the face chip's dHash (256 bits), empty without a face
};

struct DocumentEvidence {
    bool cardFound = false;
    std::vector<float> cardCorners; // 4 points as x, y in the document image, TL TR BR BL
    QString portraitSource;         // "card" (portrait on the rectified card) or "whole_image"
    FaceEvidence face;              // coordinates in the rectified card when portraitSource is "card"
};

struct FrameEvidence {
    Direction asked = Direction::Front;
    FaceEvidence face;
    bool poseMeasured = false;
    double yaw = 0.0, pitch = 0.0, roll = 0.0; // degrees, applicant's convention (docs/face-engine.md)
    bool stepPassed = false;
    QString stepReason;
    double distanceToFrontal = 0.0; // descriptor distance to frame 0 (0 for frame 0)
    double distanceToDocument = -1.0; // -1 when not computed
};

// Everything the face engine concluded about one case, with its evidence, the versions it used
// and how long each stage took. A plain value: stored as JSON (toJson/fromJson are lossless),
// compared, shown. Contains no images and no descriptors, only coordinates, numbers and codes.
struct Verdict {
    static constexpr int kFormatVersion = 1;

    QString applicationId;
    DocumentEvidence document;
    std::vector<FrameEvidence> frames;
    std::vector<Check> checks; // in a fixed order, see CaseVerifier
    double matchDistance = -1.0; // document portrait vs frontal frame; -1 when not computed
    double bestFrameDistance = -1.0; // the closest of all frames to the document
    QString band;                // "match", "review", "mismatch", or "" when not computed
    double flatPhotoResidual = -1.0;
    QStringList notes;           // stable codes, e.g. "document_card_not_found"
    QString engineVersion;
    QString thresholdsVersion;
    QMap<QString, QString> modelSha256; // model file name -> SHA-256
    QMap<QString, double> timingsMs;    // stage -> milliseconds
    // Signed applications only: the JPKI signature's check (JSON "jpki_signature"); it also
    // appears as the check "jpki_signature" (Pass when ok, Warn when held, Fail when refused).
    std::optional<JpkiSignatureResult> jpkiSignature;

    const Check *check(const QString &id) const;
    // The worst outcome of all checks.
    Outcome overall() const;

    QJsonObject toJson() const;
    static Result<Verdict> fromJson(const QJsonObject &json);
};

} // namespace mado
