// Fuzz target: ImageProbe (format and dimensions from the header) and UploadedImage (the checks on an
// applicant's upload: limits, truncation, bytes after the end), over the same bytes.
// Properties: a probed image has positive dimensions, an orientation 1-8 and an end inside the file;
// an accepted upload probes alike, is within the limits (scans included), and the part kept (up to
// info.end) ends with the JPEG end-of-image marker (for a PNG: holds the IEND chunk) and probes alike again.

#include "core/image/ImageProbe.h"
#include "core/receiver/api/UploadedImage.h"
#include "tests/fuzz/FuzzSupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = mado::fuzz::bytes(data, size);
    const auto probed = mado::ImageProbe::probe(bytes);
    if (probed) {
        MADO_FUZZ_CHECK(probed.value().width > 0 && probed.value().height > 0);
        MADO_FUZZ_CHECK(probed.value().orientation >= 1 && probed.value().orientation <= 8);
        MADO_FUZZ_CHECK(probed.value().end > 0 && probed.value().end <= bytes.size());
    }

    const mado::ImageLimits limits{8 * 1024 * 1024, 40'000'000, 12'000};
    const auto checked = mado::UploadedImage::check(bytes, limits);
    if (!checked)
        return 0;
    MADO_FUZZ_CHECK(probed && probed.value().width == checked.value().width &&
                    probed.value().height == checked.value().height && probed.value().format == checked.value().format);
    MADO_FUZZ_CHECK(checked.value().width <= limits.maxSide && checked.value().height <= limits.maxSide);
    MADO_FUZZ_CHECK(checked.value().jpegScans <= limits.maxJpegScans);
    const QByteArray kept = bytes.left(checked.value().end);
    if (checked.value().format == mado::ImageFormat::Jpeg)
        MADO_FUZZ_CHECK(kept.endsWith("\xFF\xD9"));
    else
        MADO_FUZZ_CHECK(kept.size() >= 12 && kept.contains("IEND"));
    const auto again = mado::UploadedImage::check(kept, limits);
    MADO_FUZZ_CHECK(again && again.value().end == kept.size() && again.value().width == checked.value().width);
    return 0;
}
