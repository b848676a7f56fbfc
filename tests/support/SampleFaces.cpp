#include "tests/support/SampleFaces.h"

#include "core/face/ImageDecoder.h"
#include "tests/support/TestData.h"

#include <array>

namespace mado::test {

namespace {

struct BaldGuysFace {
    cv::Point centre;
    char person;
};

// Box centres measured with HogFaceDetector on the unmodified photo.
const std::array<BaldGuysFace, kBaldGuysFaces> kFaces{{
    {{1590, 272}, 'A'},  {{500, 940}, 'B'},   {{440, 1355}, 'C'},  {{622, 187}, 'D'},   {{142, 166}, 'D'},
    {{1149, 852}, 'C'},  {{957, 194}, 'B'},   {{862, 1338}, 'C'},  {{957, 499}, 'B'},   {{1891, 1376}, 'A'},
    {{138, 1376}, 'D'},  {{862, 900}, 'C'},   {{1166, 1395}, 'A'}, {{138, 785}, 'B'},   {{652, 519}, 'D'},
    {{138, 461}, 'D'},   {{400, 527}, 'B'},   {{130, 1067}, 'C'},  {{1528, 1417}, 'A'}, {{1194, 1146}, 'C'},
    {{400, 114}, 'B'},   {{384, 304}, 'D'},   {{1877, 495}, 'A'},  {{1703, 749}, 'A'},
}};

} // namespace

cv::Mat loadBgr(const QString &path)
{
    auto decoded = ImageDecoder().decodeFile(path);
    if (!decoded.ok()) {
        qWarning("%s: %s (run installer/dev/fetch-models.sh)", qPrintable(path), qPrintable(decoded.error().message));
        return {};
    }
    return decoded.value().bgr;
}

QString baldGuysPath()
{
    return sample(QStringLiteral("faces/bald_guys.jpg"));
}

cv::Point baldGuysFacePoint(int face)
{
    return kFaces.at(std::size_t(face)).centre;
}

char baldGuysPerson(int face)
{
    return kFaces.at(std::size_t(face)).person;
}

} // namespace mado::test
