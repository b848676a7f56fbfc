#include "tests/support/SampleFaces.h"

#include "core/face/ImageDecoder.h"
#include "core/evaluation/LabelledFaces.h"
#include "tests/support/TestData.h"

#include <array>

namespace mado::test {

namespace {

// Box centres measured with HogFaceDetector on the unmodified photo (where each face is; who it is
// comes from the labels).
const std::array<cv::Point, kBaldGuysFaces> kFaces{{
    {1590, 272},  {500, 940},  {440, 1355}, {622, 187},   {142, 166},  {1149, 852},  {957, 194},  {862, 1338},
    {957, 499},   {1891, 1376}, {138, 1376}, {862, 900},  {1166, 1395}, {138, 785},  {652, 519},   {138, 461},
    {400, 527},   {130, 1067}, {1528, 1417}, {1194, 1146}, {400, 114},  {384, 304},  {1877, 495},  {1703, 749},
}};

// A labelled centre lies well inside its face box; faces are further apart than this.
constexpr double kMaxLabelDistance = 120.0;

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
    return kFaces.at(std::size_t(face));
}

QString baldGuysPerson(int face)
{
    static const QMap<QString, std::vector<cv::Point>> labels = LabelledFaces::points(LabelledFaces::baldGuysLabels());
    const cv::Point centre = baldGuysFacePoint(face);
    QString nearest;
    double best = kMaxLabelDistance;
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        for (const cv::Point &label : it.value()) {
            const double distance = cv::norm(label - centre);
            if (distance < best) {
                best = distance;
                nearest = it.key();
            }
        }
    }
    if (nearest.isEmpty())
        qWarning("bald_guys face %d has no label within %.0f px", face, kMaxLabelDistance);
    return nearest;
}

} // namespace mado::test
