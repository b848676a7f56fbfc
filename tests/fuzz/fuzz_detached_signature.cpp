// Fuzz target: DetachedSignature, the receiver's check of an uploaded signature.p7s (DER CMS) before
// it stores it (PUT /api/v1/applications/{id}/signature, core/crypto).
// Input: the bytes of signature.p7s, checked over a fixed canonical manifest.
// Properties: no crash; a refusal starts with one of the documented codes; an accepted one (a seed
// made over exactly that manifest) is refused over any other bytes.

#include "core/crypto/DetachedSignature.h"
#include "tests/fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    mado::fuzz::quietQt();
    const QByteArray der(reinterpret_cast<const char *>(data), qsizetype(size));
    const QByteArray manifest = QByteArrayLiteral("{\"applicationId\":\"app-0001-specimen\"}");
    const mado::Status checked = mado::DetachedSignature::check(der, manifest);
    if (checked.ok()) {
        const mado::Status other = mado::DetachedSignature::check(der, manifest + ' ');
        MADO_FUZZ_CHECK(!other.ok() && mado::DetachedSignature::codeOf(other.error()) ==
                                           QLatin1String(mado::DetachedSignature::kOtherBytes));
        return 0;
    }
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
