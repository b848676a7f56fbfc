#pragma once

#include "core/receiver/api/ApiError.h"
#include "core/receiver/api/Submission.h"

#include <functional>
#include <istream>
#include <optional>
#include <string>

namespace mado {

class Keyring;

// Parses the multipart/form-data body of POST /api/v1/applications into a Submission, from the
// stream as it arrives: text fields are read into memory (at most kMaxFieldBytes each, at most
// kMaxParts parts), file parts are written straight into files in the staging directory
// (<part>.upload, fsynced, SHA-256 computed on the way), each capped at maxImageBytes (more is 422
// image_too_large for that part; nothing beyond the cap is written), sealed on the way with the
// keyring's current key when one is given (core/crypto; size and SHA-256 are the plaintext's). So a body is never held in
// memory. The `challenge` field is handed to checkChallenge as soon as it is read; its error stops
// the parse (so a bad challenge stops the upload before the images that follow it are written).
// Form fields: procedure, name, kana, dateOfBirth (YYYY-MM-DD), postalCode, prefecture, city, line,
// phone, email (optional), copies, documentType, challenge (the nonce), frame0_capturedAt ..
// frame3_capturedAt (optional, RFC 3339). File parts: document_front, document_tilted (optional),
// frame0 .. frame3. Unknown or repeated fields and parts are refused, so a typo is an error.
// Checks presence and syntax (dates, integers); formats (kana, postal code...) are checked later
// against the case bundle schema. Errors are ApiErrors naming the field (400; 422 for an oversized
// image; 503 when a staged file cannot be written). The first problem stops the parse: the caller
// drains what is left of the body. Any thread (one call per body).
class SubmissionParser {
public:
    static constexpr int kMaxFieldBytes = 1024;
    static constexpr int kMaxParts = 64;
    using ChallengeCheck = std::function<std::optional<ApiError>(const QString &nonce)>;

    static std::optional<ApiError> parse(const std::string &contentType, std::istream &body, const QString &stagingDir,
                                         qint64 maxImageBytes, const ChallengeCheck &checkChallenge, Submission &out,
                                         const Keyring *keyring = nullptr);
};

} // namespace mado
