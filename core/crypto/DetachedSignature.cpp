#include "core/crypto/DetachedSignature.h"

#include <openssl/err.h>
#include <openssl/objects.h>

namespace mado {

namespace {

Error refuse(const char *code, const QString &why)
{
    ERR_clear_error(); // OpenSSL's queue is per thread: leave nothing for the next caller
    return Error{ErrorCode::InvalidArgument, QString::fromLatin1(code) + QStringLiteral(": ") + why};
}

} // namespace

Status DetachedSignature::check(const QByteArray &der, const QByteArray &content)
{
    if (der.size() > kMaxBytes)
        return refuse(kTooLarge, QStringLiteral("a signature is at most %1 bytes").arg(kMaxBytes));
    auto parsed = parse(der);
    if (!parsed)
        return parsed.error();
    return verifyOver(parsed.value(), content);
}

Result<DetachedSignature::Parsed> DetachedSignature::parse(const QByteArray &der)
{
    Parsed parsed;
    auto input = ossl::memory(der);
    parsed.cms.reset(input ? d2i_CMS_bio(input.get(), nullptr) : nullptr);
    if (!parsed.cms || OBJ_obj2nid(CMS_get0_type(parsed.cms.get())) != NID_pkcs7_signed)
        return refuse(kMalformed, QStringLiteral("not a DER CMS SignedData (signature.p7s)"));
    if (CMS_is_detached(parsed.cms.get()) != 1)
        return refuse(kNotDetached, QStringLiteral("the signature must be detached (it carries its own content)"));
    STACK_OF(CMS_SignerInfo) *signers = CMS_get0_SignerInfos(parsed.cms.get());
    if (!signers || sk_CMS_SignerInfo_num(signers) != 1)
        return refuse(kSignerCount, QStringLiteral("exactly one signer is expected"));
    parsed.signer = sk_CMS_SignerInfo_value(signers, 0);
    X509_ALGOR *digest = nullptr;
    CMS_SignerInfo_get0_algs(parsed.signer, nullptr, nullptr, &digest, nullptr);
    if (!digest || OBJ_obj2nid(digest->algorithm) != NID_sha256)
        return refuse(kDigest, QStringLiteral("the digest must be SHA-256"));
    parsed.certificates.reset(CMS_get1_certs(parsed.cms.get()));
    for (int i = 0; parsed.certificates && i < sk_X509_num(parsed.certificates.get()); ++i) {
        if (CMS_SignerInfo_cert_cmp(parsed.signer, sk_X509_value(parsed.certificates.get(), i)) == 0) {
            parsed.certificate = sk_X509_value(parsed.certificates.get(), i);
            break;
        }
    }
    if (!parsed.certificate)
        return refuse(kNoCertificate, QStringLiteral("the signer's certificate must be included"));
    CMS_SignerInfo_set1_signer_cert(parsed.signer, parsed.certificate);
    ERR_clear_error();
    return parsed;
}

Status DetachedSignature::verifyOver(const Parsed &parsed, const QByteArray &content)
{
    auto signedBytes = ossl::memory(content);
    // The signature's mathematics only: no chain is built (CMS_NO_SIGNER_CERT_VERIFY).
    if (!signedBytes || CMS_verify(parsed.cms.get(), nullptr, nullptr, signedBytes.get(), nullptr,
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
