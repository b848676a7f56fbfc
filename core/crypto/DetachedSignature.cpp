#include "core/crypto/DetachedSignature.h"

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/x509.h>

#include <memory>

namespace mado {

namespace {

struct BioFree {
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct CmsFree {
    void operator()(CMS_ContentInfo *cms) const { CMS_ContentInfo_free(cms); }
};
struct CertsFree {
    void operator()(STACK_OF(X509) * certs) const { sk_X509_pop_free(certs, X509_free); }
};

std::unique_ptr<BIO, BioFree> readOnly(const QByteArray &bytes)
{
    return std::unique_ptr<BIO, BioFree>(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
}

Status refuse(const char *code, const QString &why)
{
    ERR_clear_error(); // OpenSSL's queue is per thread: leave nothing for the next caller
    return Error{ErrorCode::InvalidArgument, QString::fromLatin1(code) + QStringLiteral(": ") + why};
}

} // namespace

Status DetachedSignature::check(const QByteArray &der, const QByteArray &content)
{
    if (der.size() > kMaxBytes)
        return refuse(kTooLarge, QStringLiteral("a signature is at most %1 bytes").arg(kMaxBytes));
    auto input = readOnly(der);
    std::unique_ptr<CMS_ContentInfo, CmsFree> cms(input ? d2i_CMS_bio(input.get(), nullptr) : nullptr);
    if (!cms || OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed)
        return refuse(kMalformed, QStringLiteral("not a DER CMS SignedData (signature.p7s)"));
    if (CMS_is_detached(cms.get()) != 1)
        return refuse(kNotDetached, QStringLiteral("the signature must be detached (it carries its own content)"));
    STACK_OF(CMS_SignerInfo) *signers = CMS_get0_SignerInfos(cms.get());
    if (!signers || sk_CMS_SignerInfo_num(signers) != 1)
        return refuse(kSignerCount, QStringLiteral("exactly one signer is expected"));
    CMS_SignerInfo *signer = sk_CMS_SignerInfo_value(signers, 0);
    X509_ALGOR *digest = nullptr;
    CMS_SignerInfo_get0_algs(signer, nullptr, nullptr, &digest, nullptr);
    if (!digest || OBJ_obj2nid(digest->algorithm) != NID_sha256)
        return refuse(kDigest, QStringLiteral("the digest must be SHA-256"));
    std::unique_ptr<STACK_OF(X509), CertsFree> certificates(CMS_get1_certs(cms.get()));
    X509 *own = nullptr;
    for (int i = 0; certificates && i < sk_X509_num(certificates.get()); ++i) {
        if (CMS_SignerInfo_cert_cmp(signer, sk_X509_value(certificates.get(), i)) == 0)
            own = sk_X509_value(certificates.get(), i);
    }
    if (!own)
        return refuse(kNoCertificate, QStringLiteral("the signer's certificate must be included"));
    CMS_SignerInfo_set1_signer_cert(signer, own);
    auto signedBytes = readOnly(content);
    // The signature's mathematics only: no chain is built (CMS_NO_SIGNER_CERT_VERIFY).
    if (CMS_verify(cms.get(), nullptr, nullptr, signedBytes.get(), nullptr,
                   CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY | CMS_NOINTERN) != 1)
        return refuse(kOtherBytes, QStringLiteral("the signature does not verify over this application's manifest "
                                                  "(were other bytes signed?)"));
    ERR_clear_error();
    return {};
}

QString DetachedSignature::codeOf(const Error &error)
{
    return error.message.section(QLatin1Char(':'), 0, 0);
}

} // namespace mado
