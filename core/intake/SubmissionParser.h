#pragma once

#include "core/intake/ApiError.h"
#include "core/intake/Submission.h"

#include <QByteArray>

#include <optional>
#include <string>

namespace mado {

// Parses the multipart/form-data body of POST /api/v1/applications into a Submission.
// Form fields: procedure, name, kana, dateOfBirth (YYYY-MM-DD), postalCode, prefecture, city, line,
// phone, email (optional), copies, documentType, challenge (the nonce), frame0_capturedAt ..
// frame3_capturedAt (optional, RFC 3339). File parts: document_front, document_tilted (optional),
// frame0 .. frame3. Unknown or repeated fields and parts are refused, so a typo is an error.
// Checks presence and syntax (dates, integers); formats (kana, postal code...) are checked later
// against the case bundle schema. Errors are 400 ApiErrors naming the field. Pure; any thread.
class SubmissionParser {
public:
    static constexpr int kMaxFieldBytes = 1024;

    static std::optional<ApiError> parse(const std::string &contentType, const QByteArray &body, Submission &out);
};

} // namespace mado
