#include "app/cli/CliCommand.h"

#include "core/face/FaceEngine.h"
#include "core/evaluation/FaceEvaluation.h"
#include "core/face/DocumentPortrait.h"
#include "core/face/ImageDecoder.h"
#include "core/evaluation/LivenessEvaluation.h"
#include "core/face/PerceptualHash.h"
#include "core/evaluation/SampleCaseWriter.h"
#include "core/evaluation/SpecimenCard.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace mado::cli {

namespace {

QString percent(double rate)
{
    return QString::number(rate * 100.0, 'f', 2) + QLatin1Char('%');
}

int runLivenessEval(const QString &directory, bool json, CliStreams streams)
{
    auto thresholds = FaceThresholds::shipped();
    if (!thresholds) {
        streams.err << "madoguchi-cli eval: " << thresholds.error().message << Qt::endl;
        return kExitSetup;
    }
    auto report = LivenessEvaluation::run(ModelSet(), thresholds.value(), directory);
    if (!report) {
        streams.err << "madoguchi-cli eval: " << report.error().message << Qt::endl;
        return report.error().code == ErrorCode::ModelMissing ? kExitSetup : kExitBadInput;
    }
    const LivenessEvaluation::Report &r = report.value();
    if (json) {
        streams.out << QJsonDocument(r.toJson()).toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    auto line = [&](const char *what, const LivenessEvaluation::Rates &rates) {
        streams.out << what << "APCER " << percent(rates.apcer()) << " (" << rates.attacksAccepted << "/" << rates.attacks
                    << " attacks accepted), BPCER " << percent(rates.bpcer()) << " (" << rates.genuineRejected << "/"
                    << rates.genuine << " genuine rejected); residual medians attack "
                    << QString::number(rates.attackMedian, 'f', 4) << " (max " << QString::number(rates.attackMax, 'f', 4)
                    << "), genuine " << QString::number(rates.genuineMedian, 'f', 4) << " (min "
                    << QString::number(rates.genuineMin, 'f', 4) << ")" << Qt::endl;
    };
    streams.out << "threshold:     " << r.threshold << " (flat when the residual is below)" << Qt::endl
                << "photos:        " << r.photos << ", frontal attack sources " << r.attackSources << Qt::endl;
    line("single frame:  ", r.frames);
    line("3-frame sets:  ", r.sets);
    streams.out << "sweep (3-frame sets: threshold APCER BPCER):" << Qt::endl;
    for (const auto &row : r.sweep)
        streams.out << "  " << QString::number(row[0], 'f', 4) << ' ' << percent(row[1]) << ' ' << percent(row[2]) << Qt::endl;
    return kExitOk;
}

cv::Mat jpeg(const cv::Mat &bgr, int quality)
{
    std::vector<uchar> bytes;
    cv::imencode(".jpg", bgr, bytes, {cv::IMWRITE_JPEG_QUALITY, quality});
    return cv::imdecode(bytes, cv::IMREAD_COLOR);
}

cv::Mat rotated(const cv::Mat &bgr, double degrees, double scale)
{
    const cv::Mat m = cv::getRotationMatrix2D(cv::Point2f(bgr.cols / 2.0f, bgr.rows / 2.0f), degrees, scale);
    cv::Mat out;
    cv::warpAffine(bgr, out, m, bgr.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

// The copy variants of `eval --copies`: what an applicant may send instead of a live selfie.
constexpr int kCopyVariants = 6;
const char *const kCopyVariantNames[kCopyVariants] = {
    "the photo in a camera frame (the demo scenario)",
    "JPEG q50 re-encode, then framed",
    "downscaled to 50 %, then framed",
    "rotated 5 deg, then framed",
    "rotated -8 deg, scaled 0.8, JPEG q70, framed",
    "the card photographed again (other perspective), whole photo as the selfie",
};

struct Stats {
    double min = 0, p01 = 0, p05 = 0, median = 0, max = 0;
};

template <typename T> Stats statsOf(std::vector<T> values)
{
    Stats s;
    if (values.empty())
        return s;
    std::sort(values.begin(), values.end());
    auto at = [&](double q) { return double(values[std::size_t(q * double(values.size() - 1) + 0.5)]); };
    s.min = double(values.front());
    s.p01 = at(0.01);
    s.p05 = at(0.05);
    s.median = at(0.5);
    s.max = double(values.back());
    return s;
}

int runCopyEval(const QString &directory, CliStreams streams)
{
    auto engine = FaceEngine::load(ModelSet());
    if (!engine) {
        streams.err << "madoguchi-cli eval: " << engine.error().message << Qt::endl;
        return kExitSetup;
    }
    const ImageDecoder decoder;
    FaceEngine &faces = *engine.value();
    auto sampleOf = [&faces](const cv::Mat &chip) {
        return FaceEvaluation::FaceSample{faces.describe({chip}).at(0), PerceptualHash::faceHash(chip)};
    };
    // A selfie frame as the verifier sees it: 1280x720 camera frame, JPEG 90, largest face.
    auto selfieOf = [&](const cv::Mat &frameBgr) -> Result<FaceEvaluation::FaceSample> {
        int found = 0;
        auto aligned = faces.alignLargestFace(jpeg(frameBgr, 90), &found, 480);
        if (!aligned)
            return aligned.error();
        return sampleOf(aligned.value().chip);
    };
    auto cardPhoto = [&](const cv::Mat &bgr, unsigned seed) {
        SpecimenPhotoOptions options;
        options.seed = seed;
        return SpecimenCard::photograph(SpecimenCard::render(bgr, DocumentType::MyNumberCard), options).bgr;
    };
    const FaceEvaluation::Sample document = [&](const QString &path) -> Result<FaceEvaluation::FaceSample> {
        auto image = decoder.decodeFile(path);
        if (!image)
            return image.error();
        auto portrait = DocumentPortrait::find(
            [&faces](const cv::Mat &source, int *found, int side) { return faces.alignLargestFace(source, found, side); },
            cardPhoto(image.value().bgr, qHash(path)));
        if (!portrait)
            return portrait.error();
        if (!portrait.value().fromCard)
            return Error{ErrorCode::NoFace, QStringLiteral("portrait not found on the card")};
        return sampleOf(portrait.value().face.chip);
    };
    const FaceEvaluation::Sample selfie = [&](const QString &path) -> Result<FaceEvaluation::FaceSample> {
        auto image = decoder.decodeFile(path);
        if (!image)
            return image.error();
        return selfieOf(SampleCaseWriter::cameraFrame(image.value().bgr, cv::Size(1280, 720), qHash(path) + 7));
    };
    const FaceEvaluation::SampleVariant copy = [&](const QString &path, int variant) -> Result<FaceEvaluation::FaceSample> {
        auto image = decoder.decodeFile(path);
        if (!image)
            return image.error();
        const cv::Mat &photo = image.value().bgr;
        const unsigned seed = qHash(path) + 100u + unsigned(variant);
        const cv::Size frame(1280, 720);
        switch (variant) {
        case 0:
            return selfieOf(SampleCaseWriter::cameraFrame(photo, frame, seed));
        case 1:
            return selfieOf(SampleCaseWriter::cameraFrame(jpeg(photo, 50), frame, seed));
        case 2: {
            cv::Mat small;
            cv::resize(photo, small, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
            return selfieOf(SampleCaseWriter::cameraFrame(small, frame, seed));
        }
        case 3:
            return selfieOf(SampleCaseWriter::cameraFrame(rotated(photo, 5.0, 1.0), frame, seed));
        case 4:
            return selfieOf(SampleCaseWriter::cameraFrame(jpeg(rotated(photo, -8.0, 0.8), 70), frame, seed));
        default:
            return selfieOf(cardPhoto(photo, seed));
        }
    };
    auto report = FaceEvaluation::runCopies(directory, document, selfie, copy, kCopyVariants);
    if (!report) {
        streams.err << "madoguchi-cli eval: " << report.error().message << Qt::endl;
        return kExitBadInput;
    }
    const FaceEvaluation::CopyReport &r = report.value();
    auto print = [&](const char *what, const std::vector<FaceEvaluation::CopyPair> &pairs) {
        std::vector<int> bits;
        std::vector<double> distances;
        for (const auto &p : pairs) {
            bits.push_back(p.bits);
            distances.push_back(p.distance);
        }
        const Stats b = statsOf(bits);
        const Stats d = statsOf(distances);
        streams.out << what << " n=" << pairs.size() << Qt::endl
                    << "  face-hash bits  min " << b.min << " p1 " << b.p01 << " p5 " << b.p05 << " median " << b.median
                    << " max " << b.max << Qt::endl
                    << "  distance        min " << QString::number(d.min, 'f', 4) << " p1 " << QString::number(d.p01, 'f', 4)
                    << " p5 " << QString::number(d.p05, 'f', 4) << " median " << QString::number(d.median, 'f', 4)
                    << " max " << QString::number(d.max, 'f', 4) << Qt::endl;
    };
    streams.out << "images: " << r.images << " (" << r.skipped.size() << " skipped)" << Qt::endl;
    for (const QString &s : r.skipped)
        streams.out << "skipped: " << s << Qt::endl;
    print("genuine (card of photo i vs other photo j of the same person)", r.genuine);
    print("copies (card of photo i vs photo i as the selfie), all variants", r.copies);
    for (int v = 0; v < kCopyVariants; ++v) {
        std::vector<FaceEvaluation::CopyPair> one;
        for (const auto &p : r.copies)
            if (p.variant == v)
                one.push_back(p);
        print((QStringLiteral("  variant %1: ").arg(v) + QLatin1String(kCopyVariantNames[v])).toUtf8().constData(), one);
    }
    // The closest genuine pairs and the farthest copies, by each measure.
    auto lowest = [&](const char *what, std::vector<FaceEvaluation::CopyPair> pairs, bool byBits, bool ascending) {
        std::sort(pairs.begin(), pairs.end(), [&](const auto &a, const auto &b) {
            const double x = byBits ? a.bits : a.distance, y = byBits ? b.bits : b.distance;
            return ascending ? x < y : x > y;
        });
        streams.out << what << Qt::endl;
        for (std::size_t i = 0; i < std::min<std::size_t>(8, pairs.size()); ++i)
            streams.out << "  " << pairs[i].bits << " bits, " << QString::number(pairs[i].distance, 'f', 4) << "  "
                        << pairs[i].document << " -> " << pairs[i].selfie << Qt::endl;
    };
    lowest("closest genuine by distance:", r.genuine, false, true);
    lowest("closest genuine by bits:", r.genuine, true, true);
    lowest("farthest copies by distance:", r.copies, false, false);
    lowest("farthest copies by bits:", r.copies, true, false);
    // Sweep: genuine pairs flagged vs copies missed.
    streams.out << "sweep distance (threshold genuine<= copies>):" << Qt::endl;
    for (double t : {0.10, 0.15, 0.20, 0.22, 0.25, 0.28, 0.30, 0.33, 0.35, 0.40}) {
        const auto g = std::count_if(r.genuine.begin(), r.genuine.end(), [t](const auto &p) { return p.distance <= t; });
        const auto c = std::count_if(r.copies.begin(), r.copies.end(), [t](const auto &p) { return p.distance > t; });
        streams.out << "  " << QString::number(t, 'f', 2) << "  " << g << "/" << r.genuine.size() << "  " << c << "/"
                    << r.copies.size() << Qt::endl;
    }
    streams.out << "sweep bits (threshold genuine<= copies>):" << Qt::endl;
    for (int t : {3, 10, 20, 30, 40, 50, 60, 70, 80}) {
        const auto g = std::count_if(r.genuine.begin(), r.genuine.end(), [t](const auto &p) { return p.bits <= t; });
        const auto c = std::count_if(r.copies.begin(), r.copies.end(), [t](const auto &p) { return p.bits > t; });
        streams.out << "  " << t << "  " << g << "/" << r.genuine.size() << "  " << c << "/" << r.copies.size() << Qt::endl;
    }
    streams.out << "sweep combined (distance <= d or bits <= b: genuine flagged, copies missed):" << Qt::endl;
    for (double t : {0.15, 0.18, 0.20, 0.22}) {
        for (int b : {10, 20, 30}) {
            auto flagged = [t, b](const FaceEvaluation::CopyPair &p) { return p.distance <= t || p.bits <= b; };
            const auto g = std::count_if(r.genuine.begin(), r.genuine.end(), flagged);
            const auto c = std::count_if(r.copies.begin(), r.copies.end(), [&](const auto &p) { return !flagged(p); });
            streams.out << "  " << QString::number(t, 'f', 2) << " " << b << "  " << g << "/" << r.genuine.size() << "  "
                        << c << "/" << r.copies.size() << Qt::endl;
        }
    }
    streams.out << "genuine pairs at distance <= 0.22:" << Qt::endl;
    for (const auto &p : r.genuine)
        if (p.distance <= 0.22)
            streams.out << "  " << p.bits << " bits, " << QString::number(p.distance, 'f', 4) << "  " << p.document
                        << " -> " << p.selfie << Qt::endl;
    streams.out << "copies missed at distance <= 0.20 or bits <= 20:" << Qt::endl;
    for (const auto &p : r.copies)
        if (!(p.distance <= 0.20 || p.bits <= 20))
            streams.out << "  " << p.bits << " bits, " << QString::number(p.distance, 'f', 4) << "  " << p.selfie << Qt::endl;
    return kExitOk;
}

} // namespace

// `eval [--json] DIR`: genuine/impostor error rates over DIR/<person>/<images>.
int runEval(const QStringList &arguments, CliStreams streams)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    const QCommandLineOption cardsOption(QStringLiteral("cards"),
                                         QStringLiteral("Document against selfie: each image also becomes a "
                                                        "photographed specimen ID card whose portrait is compared."));
    const QCommandLineOption livenessOption(QStringLiteral("liveness"),
                                            QStringLiteral("Flat-photo check: APCER and BPCER on tilted prints "
                                                           "versus other photos of the same person."));
    parser.addOption(jsonOption);
    parser.addOption(cardsOption);
    const QCommandLineOption copiesOption(QStringLiteral("copies"),
                                          QStringLiteral("Selfie copied from the document portrait: face-hash and "
                                                         "descriptor distances of copies versus genuine pairs."));
    parser.addOption(livenessOption);
    parser.addOption(copiesOption);
    if (!parser.parse(arguments) || parser.positionalArguments().size() != 1) {
        streams.err << "usage: madoguchi-cli eval [--json] [--cards | --liveness | --copies] DIR   (DIR/<person>/<images>)"
                    << Qt::endl;
        return kExitUsage;
    }
    if (parser.isSet(copiesOption))
        return runCopyEval(parser.positionalArguments().at(0), streams);
    if (parser.isSet(livenessOption))
        return runLivenessEval(parser.positionalArguments().at(0), parser.isSet(jsonOption), streams);
    auto engine = FaceEngine::load(ModelSet());
    if (!engine) {
        streams.err << "madoguchi-cli eval: " << engine.error().message << Qt::endl;
        return kExitSetup;
    }
    const ImageDecoder decoder;
    FaceEngine &faces = *engine.value();
    const FaceEvaluation::Describe describe = [&](const QString &path) -> Result<FaceDescriptor> {
        auto image = decoder.decodeFile(path);
        if (!image)
            return image.error();
        return faces.describeLargestFace(image.value().bgr);
    };
    // The document side: the photo as the portrait of a specimen card photographed at a random
    // (but per-file fixed) perspective, blur and light, then found and rectified again.
    const FaceEvaluation::Describe describeCard = [&](const QString &path) -> Result<FaceDescriptor> {
        auto image = decoder.decodeFile(path);
        if (!image)
            return image.error();
        SpecimenPhotoOptions options;
        options.seed = qHash(path);
        const SpecimenPhoto photo =
            SpecimenCard::photograph(SpecimenCard::render(image.value().bgr, DocumentType::MyNumberCard), options);
        auto portrait = DocumentPortrait::find(
            [&faces](const cv::Mat &source, int *found, int side) { return faces.alignLargestFace(source, found, side); },
            photo.bgr);
        if (!portrait)
            return portrait.error();
        if (!portrait.value().fromCard)
            return Error{ErrorCode::NoFace, QStringLiteral("portrait not found on the card")};
        return faces.describe({portrait.value().face.chip}).at(0);
    };
    const bool cards = parser.isSet(cardsOption);
    auto report = FaceEvaluation::run(parser.positionalArguments().at(0), describe,
                                      cards ? describeCard : FaceEvaluation::Describe());
    if (!report) {
        streams.err << "madoguchi-cli eval: " << report.error().message << Qt::endl;
        return kExitBadInput;
    }
    const FaceEvaluation::Report &r = report.value();
    const RocAnalysis &roc = *r.roc;
    if (parser.isSet(jsonOption)) {
        QJsonObject json = roc.toJson();
        json.insert(QStringLiteral("mode"), cards ? QStringLiteral("document_vs_selfie") : QStringLiteral("photo_vs_photo"));
        json.insert(QStringLiteral("people"), r.people);
        json.insert(QStringLiteral("images"), r.images);
        json.insert(QStringLiteral("skipped"), QJsonArray::fromStringList(r.skipped));
        json.insert(QStringLiteral("proposedThresholds"),
                    QJsonObject{{QStringLiteral("matchMax"), r.proposedMatchMax},
                                {QStringLiteral("reviewMax"), r.proposedReviewMax}});
        streams.out << QJsonDocument(json).toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    const OperatingPoint eer = roc.equalErrorRate();
    const OperatingPoint fmr1 = roc.atFmr(0.01);
    const OperatingPoint fmr01 = roc.atFmr(0.001);
    streams.out << "mode:               " << (cards ? "document (specimen card) vs selfie" : "photo vs photo")
                << Qt::endl
                << "people / images:    " << r.people << " / " << r.images << " (" << r.skipped.size()
                << " without a usable face)" << Qt::endl
                << "pairs:              " << roc.genuineCount() << " genuine, " << roc.impostorCount() << " impostor"
                << Qt::endl
                << "EER:                " << percent(eer.fmr) << " at distance " << QString::number(eer.threshold, 'f', 4)
                << Qt::endl
                << "FNMR at FMR <= 1%:   " << percent(fmr1.fnmr) << " (threshold " << QString::number(fmr1.threshold, 'f', 4)
                << ", FMR " << percent(fmr1.fmr) << ")" << Qt::endl
                << "FNMR at FMR <= 0.1%: " << percent(fmr01.fnmr) << " (threshold "
                << QString::number(fmr01.threshold, 'f', 4) << ", FMR " << percent(fmr01.fmr) << ")" << Qt::endl
                << "proposed bands:     match <= " << QString::number(r.proposedMatchMax, 'f', 2) << " < review <= "
                << QString::number(r.proposedReviewMax, 'f', 2) << " < mismatch" << Qt::endl;
    if (roc.impostorCount() < 1000)
        streams.out << "note: fewer than 1000 impostor pairs; FMR 0.1% is not resolved by this data" << Qt::endl;
    for (const QString &skipped : r.skipped)
        streams.out << "skipped: " << skipped << Qt::endl;
    streams.out << "ROC (threshold FMR FNMR):" << Qt::endl;
    for (const OperatingPoint &p : roc.curve())
        streams.out << "  " << QString::number(p.threshold, 'f', 4) << ' ' << QString::number(p.fmr, 'f', 4) << ' '
                    << QString::number(p.fnmr, 'f', 4) << Qt::endl;
    return kExitOk;
}

} // namespace mado::cli
