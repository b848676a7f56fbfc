#pragma once

#include <Poco/Net/HTTPRequestHandler.h>

namespace mado {

struct ApplicantServices;
class Spool;

// GET /api/v1/liff: what the LIFF page needs before the resident starts, public and without
// personal data: {liffId, mock, challengeLifetimeSeconds, maxImageBytes, procedures} where
// procedures is ProcedureCatalogue::describe() of the receiver's [liff] settings (a procedure held
// by the ward's policy for a face check says so, with the reason). Cache-Control: no-store.
class LiffSettingsHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit LiffSettingsHandler(const ApplicantServices &services) : m_services(services) {}
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override;

private:
    const ApplicantServices &m_services;
};

// GET /api/v1/applications: the calling resident's own applications, newest first (at most
// kMaxListed): {applications: [{reference, procedure, receivedAt, state, applicationId}]}; state
// awaiting_signature while a declared JPKI signature has not arrived. Authenticated like the
// applicant API (Authorization: Bearer <LIFF ID token>, verified with LINE; 401/429/503 as there);
// only rows of the token's LINE user are read. No names, addresses or photos are sent.
class ApplicationStatusHandler : public Poco::Net::HTTPRequestHandler {
public:
    static constexpr int kMaxListed = 50;
    ApplicationStatusHandler(const ApplicantServices &services, Spool &spool) : m_services(services), m_spool(spool) {}
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override;

private:
    const ApplicantServices &m_services;
    Spool &m_spool;
};

} // namespace mado
