#include "app/cli/EvalCommand.h"

#include "core/evaluation/CopySweep.h"
#include "core/evaluation/CopyVariants.h"
#include "core/evaluation/EvaluationSamples.h"
#include "core/face/FaceEngine.h"
#include "core/evaluation/FaceEvaluation.h"
#include "core/evaluation/LivenessEvaluation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mado::cli {

namespace {

QString percent(double rate)
{
    return QString::number(rate * 100.0, 'f', 2) + QLatin1Char('%');
}

QString fixed(double value, int decimals = 4)
{
    return QString::number(value, 'f', decimals);
}

// One "n=..., bits ..., distance ..." block of the copy evaluation.
void printSpread(QTextStream &out, const QString &what, const std::vector<CopySweep::Pair> &pairs)
{
    const CopySweep::Spread s = CopySweep::spread(pairs);
    out << what << " n=" << s.count << Qt::endl
        << "  face-hash bits  min " << s.bits.min << " p1 " << s.bits.p01 << " p5 " << s.bits.p05 << " median "
        << s.bits.median << " max " << s.bits.max << Qt::endl
        << "  distance        min " << fixed(s.distance.min) << " p1 " << fixed(s.distance.p01) << " p5 "
        << fixed(s.distance.p05) << " median " << fixed(s.distance.median) << " max " << fixed(s.distance.max)
        << Qt::endl;
}

void printPairs(QTextStream &out, const QString &what, const std::vector<CopySweep::Pair> &pairs, bool withDocument)
{
    out << what << Qt::endl;
    for (const CopySweep::Pair &p : pairs) {
        out << "  " << p.bits << " bits, " << fixed(p.distance) << "  ";
        if (withDocument)
            out << p.document << " -> ";
        out << p.selfie << Qt::endl;
    }
}

void printRows(QTextStream &out, const std::vector<CopySweep::Row> &rows)
{
    for (const CopySweep::Row &row : rows) {
        out << " ";
        if (row.distance >= 0.0)
            out << " " << fixed(row.distance, 2);
        if (row.bits >= 0)
            out << " " << row.bits;
        out << "  " << row.genuineFlagged << "/" << row.genuine << "  " << row.copiesMissed << "/" << row.copies
            << Qt::endl;
    }
}

} // namespace

EvalCommand::EvalCommand()
    : Command(QStringLiteral("eval"), QStringLiteral("Measure error rates over DIR/<person>/<images>."),
              {QStringLiteral("[--json] [--cards | --liveness | --copies] DIR")}),
      m_json(addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object (not with --copies).")})),
      m_cards(addOption({QStringLiteral("cards"), QStringLiteral("Document against selfie: each image also becomes a "
                                                                 "photographed specimen ID card whose portrait is "
                                                                 "compared.")})),
      m_liveness(addOption({QStringLiteral("liveness"), QStringLiteral("Flat-photo check: APCER and BPCER on tilted "
                                                                       "prints versus other photos of the same "
                                                                       "person.")})),
      m_copies(addOption({QStringLiteral("copies"), QStringLiteral("Selfie copied from the document portrait: "
                                                                   "face-hash and descriptor distances of copies "
                                                                   "versus genuine pairs.")}))
{
    addArgument(QStringLiteral("DIR"), QStringLiteral("Photos, one folder per person: DIR/<person>/<images>."));
    setHelpNotes(QStringLiteral("Exit codes: 0 measured, 2 DIR is unusable, 3 models or thresholds missing."));
}

int EvalCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    if (parser.positionalArguments().size() != 1)
        return usageError(streams, QStringLiteral("expects one DIR"));
    if (int(parser.isSet(m_cards)) + int(parser.isSet(m_liveness)) + int(parser.isSet(m_copies)) > 1)
        return usageError(streams, QStringLiteral("--cards, --liveness and --copies exclude each other"));
    const QString directory = parser.positionalArguments().at(0);
    if (parser.isSet(m_copies))
        return runCopyEval(directory, streams);
    if (parser.isSet(m_liveness))
        return runLivenessEval(directory, parser.isSet(m_json), streams);
    return runMatchEval(directory, parser.isSet(m_cards), parser.isSet(m_json), streams);
}

int EvalCommand::runMatchEval(const QString &directory, bool cards, bool json, CliStreams streams) const
{
    auto engine = FaceEngine::load(ModelSet());
    if (!engine) {
        streams.err << "madoguchi-cli eval: " << engine.error().message << Qt::endl;
        return kExitSetup;
    }
    const EvaluationSamples samples(*engine.value());
    auto report =
        FaceEvaluation::run(directory, samples.photo(), cards ? samples.documentCard() : FaceEvaluation::Describe());
    if (!report) {
        streams.err << "madoguchi-cli eval: " << report.error().message << Qt::endl;
        return kExitBadInput;
    }
    const FaceEvaluation::Report &r = report.value();
    const RocAnalysis &roc = *r.roc;
    if (json) {
        QJsonObject object = roc.toJson();
        object.insert(QStringLiteral("mode"),
                      cards ? QStringLiteral("document_vs_selfie") : QStringLiteral("photo_vs_photo"));
        object.insert(QStringLiteral("people"), r.people);
        object.insert(QStringLiteral("images"), r.images);
        object.insert(QStringLiteral("skipped"), QJsonArray::fromStringList(r.skipped));
        object.insert(QStringLiteral("proposedThresholds"),
                      QJsonObject{{QStringLiteral("matchMax"), r.proposedMatchMax},
                                  {QStringLiteral("reviewMax"), r.proposedReviewMax}});
        streams.out << QJsonDocument(object).toJson(QJsonDocument::Indented);
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
                << "EER:                " << percent(eer.fmr) << " at distance " << fixed(eer.threshold) << Qt::endl
                << "FNMR at FMR <= 1%:   " << percent(fmr1.fnmr) << " (threshold " << fixed(fmr1.threshold) << ", FMR "
                << percent(fmr1.fmr) << ")" << Qt::endl
                << "FNMR at FMR <= 0.1%: " << percent(fmr01.fnmr) << " (threshold " << fixed(fmr01.threshold)
                << ", FMR " << percent(fmr01.fmr) << ")" << Qt::endl
                << "proposed bands:     match <= " << fixed(r.proposedMatchMax, 2)
                << " < review <= " << fixed(r.proposedReviewMax, 2) << " < mismatch" << Qt::endl;
    if (roc.impostorCount() < 1000)
        streams.out << "note: fewer than 1000 impostor pairs; FMR 0.1% is not resolved by this data" << Qt::endl;
    for (const QString &skipped : r.skipped)
        streams.out << "skipped: " << skipped << Qt::endl;
    streams.out << "ROC (threshold FMR FNMR):" << Qt::endl;
    for (const OperatingPoint &p : roc.curve())
        streams.out << "  " << fixed(p.threshold) << ' ' << fixed(p.fmr) << ' ' << fixed(p.fnmr) << Qt::endl;
    return kExitOk;
}

int EvalCommand::runLivenessEval(const QString &directory, bool json, CliStreams streams) const
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
        streams.out << what << "APCER " << percent(rates.apcer()) << " (" << rates.attacksAccepted << "/"
                    << rates.attacks << " attacks accepted), BPCER " << percent(rates.bpcer()) << " ("
                    << rates.genuineRejected << "/" << rates.genuine << " genuine rejected); residual medians attack "
                    << fixed(rates.attackMedian) << " (max " << fixed(rates.attackMax) << "), genuine "
                    << fixed(rates.genuineMedian) << " (min " << fixed(rates.genuineMin) << ")" << Qt::endl;
    };
    streams.out << "threshold:     " << r.threshold << " (flat when the residual is below)" << Qt::endl
                << "photos:        " << r.photos << ", frontal attack sources " << r.attackSources << Qt::endl;
    line("single frame:  ", r.frames);
    line("3-frame sets:  ", r.sets);
    streams.out << "sweep (3-frame sets: threshold APCER BPCER):" << Qt::endl;
    for (const auto &row : r.sweep)
        streams.out << "  " << fixed(row[0]) << ' ' << percent(row[1]) << ' ' << percent(row[2]) << Qt::endl;
    return kExitOk;
}

int EvalCommand::runCopyEval(const QString &directory, CliStreams streams) const
{
    auto engine = FaceEngine::load(ModelSet());
    if (!engine) {
        streams.err << "madoguchi-cli eval: " << engine.error().message << Qt::endl;
        return kExitSetup;
    }
    const EvaluationSamples samples(*engine.value());
    auto report = FaceEvaluation::runCopies(directory, samples.documentSample(), samples.selfieSample(),
                                            samples.copySample(), CopyVariants::kCount);
    if (!report) {
        streams.err << "madoguchi-cli eval: " << report.error().message << Qt::endl;
        return kExitBadInput;
    }
    const FaceEvaluation::CopyReport &r = report.value();
    QTextStream &out = streams.out;
    out << "images: " << r.images << " (" << r.skipped.size() << " skipped)" << Qt::endl;
    for (const QString &s : r.skipped)
        out << "skipped: " << s << Qt::endl;
    printSpread(out, QStringLiteral("genuine (card of photo i vs other photo j of the same person)"), r.genuine);
    printSpread(out, QStringLiteral("copies (card of photo i vs photo i as the selfie), all variants"), r.copies);
    for (int v = 0; v < CopyVariants::kCount; ++v)
        printSpread(out, QStringLiteral("  variant %1: %2").arg(v).arg(CopyVariants::name(v)),
                    CopySweep::ofVariant(r.copies, v));
    // The closest genuine pairs and the farthest copies, by each measure.
    using M = CopySweep::Measure;
    printPairs(out, QStringLiteral("closest genuine by distance:"), CopySweep::ranked(r.genuine, M::Distance, true, 8),
               true);
    printPairs(out, QStringLiteral("closest genuine by bits:"), CopySweep::ranked(r.genuine, M::Bits, true, 8), true);
    printPairs(out, QStringLiteral("farthest copies by distance:"), CopySweep::ranked(r.copies, M::Distance, false, 8),
               true);
    printPairs(out, QStringLiteral("farthest copies by bits:"), CopySweep::ranked(r.copies, M::Bits, false, 8), true);
    out << "sweep distance (threshold genuine<= copies>):" << Qt::endl;
    printRows(out, CopySweep::byDistance(r, {0.10, 0.15, 0.20, 0.22, 0.25, 0.28, 0.30, 0.33, 0.35, 0.40}));
    out << "sweep bits (threshold genuine<= copies>):" << Qt::endl;
    printRows(out, CopySweep::byBits(r, {3, 10, 20, 30, 40, 50, 60, 70, 80}));
    out << "sweep combined (distance <= d or bits <= b: genuine flagged, copies missed):" << Qt::endl;
    printRows(out, CopySweep::combined(r, {0.15, 0.18, 0.20, 0.22}, {10, 20, 30}));
    printPairs(out, QStringLiteral("genuine pairs at distance <= 0.22:"), CopySweep::select(r.genuine, 0.22, -1, true),
               true);
    printPairs(out, QStringLiteral("copies missed at distance <= 0.20 or bits <= 20:"),
               CopySweep::select(r.copies, 0.20, 20, false), false);
    return kExitOk;
}

} // namespace mado::cli
