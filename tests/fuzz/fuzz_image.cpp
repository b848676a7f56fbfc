// Fuzz target: ImageProbe (format and dimensions from the header) and UploadedImage (the checks on an
// applicant's upload: limits, truncation, bytes after the end), over the same bytes.
// Properties: a probed image has positive dimensions; an accepted upload probes alike, is within the
// limits and, for a JPEG, ends with the end-of-image marker.

#include "core/face/ImageProbe.h"
#include "core/intake/UploadedImage.h"
#include "tests/fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = mado::fuzz::bytes(data, size);
    const auto probed = mado::ImageProbe::probe(bytes);
    if (probed)
        MADO_FUZZ_CHECK(probed.value().width > 0 && probed.value().height > 0);

    const mado::ImageLimits limits{8 * 1024 * 1024, 40'000'000, 12'000};
    const auto checked = mado::UploadedImage::check(bytes, limits);
    if (!checked)
        return 0;
    MADO_FUZZ_CHECK(probed && probed.value().width == checked.value().width &&
                    probed.value().height == checked.value().height && probed.value().format == checked.value().format);
    MADO_FUZZ_CHECK(checked.value().width <= limits.maxSide && checked.value().height <= limits.maxSide);
    if (checked.value().format == mado::ImageFormat::Jpeg)
        MADO_FUZZ_CHECK(bytes.endsWith("\xFF\xD9"));
    return 0;
}
