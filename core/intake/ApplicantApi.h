#pragma once

#include "core/intake/ApplicationIntake.h"
#include "core/intake/ChallengeStore.h"
#include "core/intake/IdTokenVerifier.h"
#include "core/intake/ReceiverOptions.h"

#include <Poco/Net/HTTPRequestHandler.h>

namespace mado {

// The services behind the applicant API, owned by the ReceiverServer.
struct ApplicantServices {
    const ReceiverOptions &options;
    IdTokenVerifier &verifier;
    ChallengeStore &challenges;
    ApplicationIntake &intake;
};

// POST /api/v1/challenges: verifies the LIFF ID token (Authorization: Bearer), issues and stores
// a challenge for the token's user and answers 201 {nonce, directions, issuedAt, expiresAt}.
// 401 without a valid token, 503 when LINE or the spool cannot be reached.
class ChallengeHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit ChallengeHandler(ApplicantServices services) : m_services(services) {}
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override;

private:
    ApplicantServices m_services;
};

// POST /api/v1/applications (multipart/form-data, Idempotency-Key header): verifies the token,
// reads the body up to the limit (413), parses it (415 not multipart, 400 fields), and hands it to
// ApplicationIntake; answers 201 {applicationId, reference} (the same for a repeated key).
class ApplicationHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit ApplicationHandler(ApplicantServices services) : m_services(services) {}
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override;

private:
    ApplicantServices m_services;
};

} // namespace mado
