// Fuzz target: DetachedSignature, the receiver's check of an uploaded signature.p7s (DER CMS) before
// it stores it (PUT /api/v1/applications/{id}/signature, core/crypto).
// Input: the bytes of signature.p7s, checked over a fixed canonical manifest.
// Properties: no crash; it is never accepted (nothing here signed that manifest), and the refusal
// starts with one of the documented codes.

#include "core/crypto/DetachedSignature.h"
#include "tests/fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    mado::fuzz::quietQt();
    const QByteArray der(reinterpret_cast<const char *>(data), qsizetype(size));
    const mado::Status checked =
        mado::DetachedSignature::check(der, QByteArrayLiteral("{\"applicationId\":\"app-0001-specimen\"}"));
    MADO_FUZZ_CHECK(!checked.ok());
    const QString code = mado::DetachedSignature::codeOf(checked.error());
    MADO_FUZZ_CHECK(code == QLatin1String(mado::DetachedSignature::kMalformed) ||
                    code == QLatin1String(mado::DetachedSignature::kNotDetached) ||
                    code == QLatin1String(mado::DetachedSignature::kSignerCount) ||
                    code == QLatin1String(mado::DetachedSignature::kDigest) ||
                    code == QLatin1String(mado::DetachedSignature::kNoCertificate) ||
                    code == QLatin1String(mado::DetachedSignature::kOtherBytes) ||
                    code == QLatin1String(mado::DetachedSignature::kTooLarge));
    return 0;
}
