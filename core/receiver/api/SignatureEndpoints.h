#pragma once

#include <Poco/Net/HTTPRequestHandler.h>

#include <QString>

namespace mado {

struct ApplicantServices;
class Spool;

// The applicant's two steps of a JPKI-signed application (issue 14), for an application submitted
// with signing=jpki, authenticated like the rest of the applicant API (Bearer LIFF ID token; only
// the token's own applications):
//   GET  /api/v1/applications/{id}/manifest   200: the exact bytes to sign (the canonical manifest,
//        application/json); 404 not yours or not to be signed, 409 signed already, 410 too late.
//   PUT  /api/v1/applications/{id}/signature  body: signature.p7s (detached CMS, DER, at most
//        64 KiB; more is 413 signature_too_large); 200 {signed: true}; 422 with the form's fault
//        (signature_malformed, signature_not_detached, signature_over_other_bytes, ...; see
//        DetachedSignature); 404/409/410 as above. The receiver decides no trust.
// kManifestRoute and kSignatureRoute are the fixed metric labels. Thread-safe.
class SignatureHandler : public Poco::Net::HTTPRequestHandler {
public:
    static constexpr const char *kManifestRoute = "/api/v1/applications/{id}/manifest";
    static constexpr const char *kSignatureRoute = "/api/v1/applications/{id}/signature";
    // The application id and step of a path ("/api/v1/applications/<id>/manifest"); false if it is
    // not one of the two (or the id is not a plausible id).
    static bool match(const std::string &path, QString &applicationId, bool &manifest);

    SignatureHandler(const ApplicantServices &services, Spool &spool) : m_services(services), m_spool(spool) {}
    void handleRequest(Poco::Net::HTTPServerRequest &request, Poco::Net::HTTPServerResponse &response) override;

private:
    const ApplicantServices &m_services;
    Spool &m_spool;
};

} // namespace mado
