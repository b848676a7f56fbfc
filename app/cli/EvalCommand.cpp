#include "app/cli/CliCommand.h"

#include "core/face/FaceEngine.h"
#include "core/face/FaceEvaluation.h"
#include "core/face/DocumentPortrait.h"
#include "core/face/ImageDecoder.h"
#include "core/face/LivenessEvaluation.h"
#include "core/specimen/SpecimenCard.h"

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
    parser.addOption(livenessOption);
    if (!parser.parse(arguments) || parser.positionalArguments().size() != 1) {
        streams.err << "usage: madoguchi-cli eval [--json] [--cards | --liveness] DIR   (DIR/<person>/<images>)"
                    << Qt::endl;
        return kExitUsage;
    }
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
