#include "core/jpki/OcspClient.h"

#include "core/jpki/JpkiTrustStore.h"
#include "core/crypto/OpenSslTypes.h"

#include <openssl/err.h>
#include <openssl/http.h>
#include <openssl/ocsp.h>

namespace mado {

namespace {

using Answer = OcspClient::Answer;

struct OcspFree {
    void operator()(OCSP_REQUEST *p) const { OCSP_REQUEST_free(p); }
    void operator()(OCSP_RESPONSE *p) const { OCSP_RESPONSE_free(p); }
    void operator()(OCSP_BASICRESP *p) const { OCSP_BASICRESP_free(p); }
    void operator()(char *p) const { OPENSSL_free(p); }
};
template <class T>
using Owned = std::unique_ptr<T, OcspFree>;

Answer problem(const char *code)
{
    ERR_clear_error();
    Answer answer;
    answer.problem = QString::fromLatin1(code);
    return answer;
}

constexpr std::size_t kMaxResponseBytes = 64 * 1024;

} // namespace

OcspClient::Answer OcspClient::ask(const QString &url, int timeoutSeconds, X509 *certificate, X509 *issuer,
                                   const JpkiTrustStore &trust, const QDateTime &now, int skewSeconds)
{
    if (!certificate || !issuer)
        return problem("ocsp_invalid");
    // The request: the certificate's id (SHA-1 over the issuer's name and key, as RFC 6960 and every
    // responder expect) and a nonce.
    Owned<OCSP_REQUEST> request(OCSP_REQUEST_new());
    OCSP_CERTID *id = OCSP_cert_to_id(nullptr, certificate, issuer);
    if (!request || !id)
        return problem("ocsp_invalid");
    OCSP_CERTID *lookup = OCSP_CERTID_dup(id);
    if (!OCSP_request_add0_id(request.get(), id)) {
        OCSP_CERTID_free(id);
        OCSP_CERTID_free(lookup);
        return problem("ocsp_invalid");
    }
    std::unique_ptr<OCSP_CERTID, void (*)(OCSP_CERTID *)> ownedLookup(lookup, OCSP_CERTID_free);
    if (OCSP_request_add1_nonce(request.get(), nullptr, -1) != 1)
        return problem("ocsp_invalid");

    // HTTP only: OCSP answers are signed, and JPKI's responders are reached over plain HTTP.
    const QByteArray urlBytes = url.toUtf8();
    int ssl = 0;
    char *host = nullptr, *port = nullptr, *path = nullptr;
    if (OSSL_HTTP_parse_url(urlBytes.constData(), &ssl, nullptr, &host, &port, nullptr, &path, nullptr, nullptr) != 1)
        return problem("ocsp_unreachable");
    Owned<char> ownedHost(host), ownedPort(port), ownedPath(path);
    if (ssl)
        return problem("ocsp_unreachable");
    ossl::Ptr<BIO> body(BIO_new(BIO_s_mem()));
    if (!body || i2d_OCSP_REQUEST_bio(body.get(), request.get()) != 1)
        return problem("ocsp_invalid");
    // "" as proxy: a direct connection, whatever http_proxy says.
    ossl::Ptr<BIO> reply(OSSL_HTTP_transfer(nullptr, host, port, path, 0, "", nullptr, nullptr, nullptr, nullptr,
                                            nullptr, 0, nullptr, "application/ocsp-request", body.get(),
                                            "application/ocsp-response", 1, kMaxResponseBytes,
                                            std::max(1, timeoutSeconds), 0));
    if (!reply)
        return problem("ocsp_unreachable");
    Owned<OCSP_RESPONSE> response(d2i_OCSP_RESPONSE_bio(reply.get(), nullptr));
    if (!response || OCSP_response_status(response.get()) != OCSP_RESPONSE_STATUS_SUCCESSFUL)
        return problem("ocsp_invalid");
    Owned<OCSP_BASICRESP> basic(OCSP_response_get1_basic(response.get()));
    if (!basic || OCSP_check_nonce(request.get(), basic.get()) != 1)
        return problem("ocsp_invalid");

    // The signer: the issuer itself or a responder it delegated, chained to the anchors.
    ossl::Ptr<X509_STORE> store(X509_STORE_new());
    for (const auto &anchor : trust.anchors())
        X509_STORE_add_cert(store.get(), anchor.get());
    ossl::CertStack untrusted(sk_X509_new_null());
    sk_X509_push(untrusted.get(), X509_dup(issuer));
    for (const auto &intermediate : trust.intermediates())
        sk_X509_push(untrusted.get(), X509_dup(intermediate.get()));
    if (OCSP_basic_verify(basic.get(), untrusted.get(), store.get(), 0) != 1)
        return problem("ocsp_invalid");

    int status = -1, reason = -1;
    ASN1_GENERALIZEDTIME *revokedAt = nullptr, *thisUpdate = nullptr, *nextUpdate = nullptr;
    if (OCSP_resp_find_status(basic.get(), ownedLookup.get(), &status, &reason, &revokedAt, &thisUpdate,
                              &nextUpdate) != 1)
        return problem("ocsp_invalid");
    if (OCSP_check_validity(thisUpdate, nextUpdate, std::max(0, skewSeconds), -1) != 1)
        return problem("ocsp_stale");
    Answer answer;
    answer.thisUpdate = ossl::toDateTime(thisUpdate);
    // OCSP_check_validity compares with the system clock; the verifier's `now` must agree too.
    if (!answer.thisUpdate.isValid() || answer.thisUpdate > now.addSecs(skewSeconds) ||
        (nextUpdate && ossl::toDateTime(nextUpdate) < now.addSecs(-skewSeconds)))
        return problem("ocsp_stale");
    if (status == V_OCSP_CERTSTATUS_GOOD)
        answer.status = Status::Good;
    else if (status == V_OCSP_CERTSTATUS_REVOKED)
        answer.status = Status::Revoked;
    else
        return problem("ocsp_unknown");
    ERR_clear_error();
    return answer;
}

} // namespace mado
