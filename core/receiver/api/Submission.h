#pragma once

#include "core/domain/CaseBundle.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <array>
#include <optional>

namespace mado {

// One uploaded image of a submission, as streamed into the application's staging directory:
// the part name, the staged file (not yet checked), its size and SHA-256 (hex).
struct SubmittedImage {
    QString part; // "document_front", "frame2", ...
    QString path;
    qint64 size = 0;
    QString sha256;
};

// A LIFF application as parsed from its multipart body, before it is checked against the challenge
// and stored. Personal data: never log it.
struct Submission {
    ApplicantForm applicant;
    DocumentType documentType = DocumentType::MyNumberCard;
    QString challengeNonce;
    SubmittedImage documentFront;
    std::optional<SubmittedImage> documentTilted;
    std::array<SubmittedImage, 4> frames;                 // frame0 (front) .. frame3
    std::array<std::optional<QDateTime>, 4> capturedAt{}; // optional frameN_capturedAt fields
    // Optional field signing=jpki: the applicant will sign the manifest with the My Number card
    // (GET .../manifest, PUT .../signature); the application is not leased until then.
    bool willSign = false;
};

} // namespace mado
