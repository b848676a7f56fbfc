#pragma once

#include "core/image/ImageLimits.h"
#include "core/receiver/api/ApiError.h"
#include "core/receiver/spool/ApplicationStore.h"
#include "core/bundle/JsonSchema.h"
#include "core/receiver/api/Submission.h"

#include <QDateTime>

#include <chrono>
#include <variant>

namespace mado {

class ChallengeStore;

// Accepts one parsed LIFF application for a verified LINE user: answers a repeated idempotency
// key with the stored reference; checks the challenge (unknown 400, used 409, expired 410), every
// image (UploadedImage: 415 not an image, 422 truncated / trailing bytes / over the pixel limit),
// builds the case bundle manifest and validates it against the bundle schema and its consistency
// rules (400 naming the form field), then stores it (ApplicationStore). The images were streamed
// into the application's staging directory (createStaging) while the body arrived; they are read
// back one at a time for the checks. stored() and checkChallenge() let the caller answer before it
// reads the body. Nothing is stored when any check fails. Thread-safe after construction.
class ApplicationIntake {
public:
    using Outcome = std::variant<StoredApplication, ApiError>;

    ApplicationIntake(JsonSchema schema, ChallengeStore &challenges, ApplicationStore &applications, ImageLimits limits)
        : m_schema(std::move(schema)), m_challenges(challenges), m_applications(applications), m_limits(limits)
    {
    }

    // The application already stored under this user's idempotency key, if any.
    Result<std::optional<StoredApplication>> stored(const QString &userId, const QString &idempotencyKey) const;
    // The answer to give if the challenge is not usable by this user now (field "challenge").
    std::optional<ApiError> checkChallenge(const QString &nonce, const QString &userId,
                                           const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    // The staging directory for the images of a new application (see ApplicationStore).
    Result<QString> createStaging(const QString &applicationId) const;
    // submission's images are staged files in createStaging(applicationId).
    Outcome submit(const QString &userId, const QString &idempotencyKey, const QString &applicationId,
                   const Submission &submission, const QDateTime &now = QDateTime::currentDateTimeUtc());

    // Procedures an applicant may declare a JPKI signature for (signing=jpki), and how long the
    // application then waits for signature.p7s before it fails (signature_missing).
    static bool signable(const QString &procedure);
    void setSignatureWindow(std::chrono::seconds window) { m_signatureWindow = window; }

    // The spool's keyring, which seals the staged images (null: kept plain).
    const Keyring *keyring() const { return m_applications.keyring(); }

    // The form field of a manifest JSON pointer ("/applicant/address/postalCode" -> "postalCode").
    static QString fieldOfPointer(const QString &pointer);

private:
    JsonSchema m_schema;
    ChallengeStore &m_challenges;
    ApplicationStore &m_applications;
    ImageLimits m_limits;
    std::chrono::seconds m_signatureWindow{24 * 3600};
};

} // namespace mado
