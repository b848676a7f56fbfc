#pragma once

#include "core/face/ImageLimits.h"
#include "core/intake/ApiError.h"
#include "core/intake/ApplicationStore.h"
#include "core/intake/JsonSchema.h"
#include "core/intake/Submission.h"

#include <QDateTime>

#include <variant>

namespace mado {

class ChallengeStore;

// Accepts one parsed LIFF application for a verified LINE user: answers a repeated idempotency
// key with the stored reference; checks the challenge (unknown 400, used 409, expired 410), every
// image (UploadedImage: 415 not an image, 422 truncated / trailing bytes / over the pixel limit),
// builds the case bundle manifest and validates it against the bundle schema and its consistency
// rules (400 naming the form field), then stores it (ApplicationStore). Nothing is stored when any
// check fails. Thread-safe after construction.
class ApplicationIntake {
public:
    using Outcome = std::variant<StoredApplication, ApiError>;

    ApplicationIntake(JsonSchema schema, ChallengeStore &challenges, ApplicationStore &applications, ImageLimits limits)
        : m_schema(std::move(schema)), m_challenges(challenges), m_applications(applications), m_limits(limits)
    {
    }

    Outcome submit(const QString &userId, const QString &idempotencyKey, const Submission &submission,
                   const QDateTime &now = QDateTime::currentDateTimeUtc());

    // The form field of a manifest JSON pointer ("/applicant/address/postalCode" -> "postalCode").
    static QString fieldOfPointer(const QString &pointer);

private:
    JsonSchema m_schema;
    ChallengeStore &m_challenges;
    ApplicationStore &m_applications;
    ImageLimits m_limits;
};

} // namespace mado
