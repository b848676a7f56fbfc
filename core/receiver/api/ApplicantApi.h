#pragma once

#include "core/receiver/api/ApplicationIntake.h"
#include "core/receiver/spool/ChallengeStore.h"
#include "core/receiver/line/IdTokenVerifier.h"
#include "core/receiver/ReceiverOptions.h"
#include "core/receiver/api/UploadSlots.h"

#include <Poco/Net/HTTPRequestHandler.h>

#include "core/receiver/api/ApiError.h"

#include <variant>

namespace mado {

// The services behind the applicant API, owned by the ReceiverServer.
struct ApplicantServices {
    const ReceiverOptions &options;
    IdTokenVerifier &verifier;
    ChallengeStore &challenges;
    ApplicationIntake &intake;
    UploadSlots &uploads;
    // A directory on the spool's file system (its free space is checked against the floor).
    QString spoolDirectory;
};

// The verified LINE user id of the request's bearer token (Authorization: Bearer <LIFF ID token>),
// or the answer to give (401; 429 after too many invalid tokens from the client address,
// ClientAddress; 503 when LINE limits or fails).
std::variant<QString, ApiError> authenticateApplicant(const ApplicantServices &services,
                                                      const Poco::Net::HTTPServerRequest &request);

// POST /api/v1/challenges: verifies the LIFF ID token (Authorization: Bearer), issues and stores
// a challenge for the token's user and answers 201 {nonce, directions, issuedAt, expiresAt}.
// 401 without a valid token, 429 (Retry-After) after too many invalid tokens from the client's
// address, 503 (Retry-After) when LINE limits, fails or cannot be reached, or the spool fails.
class ChallengeHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit ChallengeHandler(ApplicantServices services) : m_services(services) {}
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override;

private:
    ApplicantServices m_services;
};

// POST /api/v1/applications (multipart/form-data, Idempotency-Key header, optional
// Madoguchi-Challenge header with the nonce): before reading the body it verifies the token (401,
// 429, 503 as above), the media type (415) and key (400), takes an upload slot (429 when the user
// has uploadsPerUser in progress, 503 when uploadsTotal are), answers a repeated key with the stored
// application, refuses when the spool's free space is under the floor (507) and checks the header's
// challenge (400/409/410). Then it streams the body (at most the limit: 413) through
// SubmissionParser into the application's staging directory, checking the challenge field as soon
// as it arrives, and hands the result to ApplicationIntake; answers 201 {applicationId, reference}
// (the same for a repeated key). Refusals after the head drain the body (up to the limit) so the
// client reads the answer.
class ApplicationHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit ApplicationHandler(ApplicantServices services) : m_services(services) {}
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override;

private:
    ApplicantServices m_services;
};

} // namespace mado
