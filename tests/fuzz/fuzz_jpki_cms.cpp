// Fuzz target: JpkiVerifier's handling of an untrusted signature.p7s (DER CMS) and SignerFacts on an
// untrusted certificate (DER X.509), the inputs of a signed application (core/jpki).
// Input: the bytes of signature.p7s; the same bytes are also read as a certificate.
// Properties: no crash; without trust material the result is never ok, and it always names a
// reason the verdict can show in words (reasonJa differs from the code); facts read from a
// certificate have their four values and a date code of nine digits.

#include "core/jpki/JpkiVerifier.h"
#include "tests/fuzz/FuzzSupport.h"

#include <openssl/x509.h>

#include <QRegularExpression>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    mado::fuzz::quietQt();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    mado::CaseBundle bundle;
    bundle.applicationId = QStringLiteral("app-0001-specimen");
    bundle.challenge.issuedAt = QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC);
    bundle.challenge.expiresAt = bundle.challenge.issuedAt.addSecs(600);
    bundle.signature = mado::BundleSignature{QStringLiteral("signature.p7s"), QString(), bytes,
                                             QByteArrayLiteral("{\"applicationId\":\"app-0001-specimen\"}")};
    const auto check = mado::JpkiVerifier(nullptr).verify(bundle, std::nullopt, bundle.challenge.issuedAt);
    MADO_FUZZ_CHECK(!check.result.ok());
    MADO_FUZZ_CHECK(!check.result.reason.isEmpty());
    MADO_FUZZ_CHECK(mado::JpkiSignatureResult::reasonJa(check.result.reason) != check.result.reason);

    const unsigned char *cursor = data;
    if (X509 *certificate = d2i_X509(nullptr, &cursor, long(size))) {
        const auto facts = mado::SignerFacts::read(certificate);
        if (facts) {
            MADO_FUZZ_CHECK(!facts.value().name.isEmpty() && !facts.value().address.isEmpty());
            MADO_FUZZ_CHECK(facts.value().dateOfBirthCode.size() == 9);
        }
        X509_free(certificate);
    }
    return 0;
}
