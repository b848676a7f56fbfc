#include "app/cli/VerifyCommand.h"

#include "core/face/CaseVerifier.h"
#include "app/cli/JpkiCommand.h"
#include "core/bundle/CaseBundleReader.h"
#include "core/station/VerificationJob.h"

#include <QJsonDocument>

namespace mado::cli {

namespace {

void printVerdict(QTextStream &out, const Verdict &v)
{
    out << "overall:  " << outcomeName(v.overall()) << Qt::endl
        << "band:     " << (v.band.isEmpty() ? QStringLiteral("(not computed)") : v.band) << "  distance "
        << QString::number(v.matchDistance, 'f', 4) << "  (best frame " << QString::number(v.bestFrameDistance, 'f', 4)
        << ")" << Qt::endl
        << "document: card " << (v.document.cardFound ? "found" : "not found") << ", portrait from "
        << (v.document.portraitSource.isEmpty() ? QStringLiteral("-") : v.document.portraitSource) << Qt::endl;
    out << "checks:" << Qt::endl;
    for (const Check &c : v.checks)
        out << "  " << c.id.leftJustified(23) << outcomeName(c.outcome).leftJustified(5) << c.reason << "  ("
            << QString::number(c.value, 'f', 3) << ")" << Qt::endl;
    out << "frames:" << Qt::endl;
    for (std::size_t i = 0; i < v.frames.size(); ++i) {
        const FrameEvidence &f = v.frames[i];
        out << "  " << i << " asked " << directionName(f.asked).leftJustified(6);
        if (f.poseMeasured)
            out << " yaw " << QString::number(f.yaw, 'f', 1) << " pitch " << QString::number(f.pitch, 'f', 1)
                << " roll " << QString::number(f.roll, 'f', 1);
        out << "  step " << (f.stepPassed ? "ok" : f.stepReason) << "  to frontal "
            << QString::number(f.distanceToFrontal, 'f', 3) << Qt::endl;
    }
    for (const QString &note : v.notes)
        out << "note:     " << note << Qt::endl;
    out << "versions: engine " << v.engineVersion << ", thresholds " << v.thresholdsVersion << Qt::endl << "timings:";
    for (auto it = v.timingsMs.begin(); it != v.timingsMs.end(); ++it)
        out << ' ' << it.key() << ' ' << QString::number(it.value(), 'f', 1) << " ms";
    out << Qt::endl;
}

} // namespace

VerifyCommand::VerifyCommand()
    : Command(QStringLiteral("verify"), QStringLiteral("Run the full face verification of a case bundle."),
              {QStringLiteral("[--json] BUNDLE_DIR")}),
      m_json(addOption({QStringLiteral("json"), QStringLiteral("Print the verdict as JSON.")})),
      m_anchors(addOption({QStringLiteral("jpki-anchors"),
                           QStringLiteral("JPKI trust anchors for a signed bundle (see 'jpki check')."),
                           QStringLiteral("PATH")})),
      m_crls(addOption({QStringLiteral("jpki-crls"), QStringLiteral("CRLs for a signed bundle."), QStringLiteral("PATH")}))
{
    addArgument(QStringLiteral("BUNDLE_DIR"), QStringLiteral("A case bundle directory (docs/case-bundle.md)."));
    setHelpNotes(QStringLiteral("Exit codes: 0 verified (whatever the verdict), 1 internal failure, 2 the bundle is "
                                "unusable, 3 models or thresholds missing."));
}

int VerifyCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    if (parser.positionalArguments().size() != 1)
        return usageError(streams, QStringLiteral("expects one BUNDLE_DIR"));
    const QString directory = parser.positionalArguments().at(0);
    auto reader = CaseBundleReader::create();
    if (!reader) {
        streams.err << "madoguchi-cli verify: " << reader.error().message << Qt::endl;
        return kExitFailed;
    }
    auto bundle = reader.value().read(directory);
    if (!bundle) {
        streams.err << "madoguchi-cli verify: " << directory << ": " << bundle.error().message << Qt::endl;
        return kExitBadInput;
    }
    auto thresholds = FaceThresholds::shipped();
    if (!thresholds) {
        streams.err << "madoguchi-cli verify: " << thresholds.error().message << Qt::endl;
        return kExitSetup;
    }
    auto verifier = CaseVerifier::load(ModelSet(), thresholds.value());
    if (!verifier) {
        streams.err << "madoguchi-cli verify: " << verifier.error().message << Qt::endl;
        return kExitSetup;
    }
    auto verdict = verifier.value()->verifyBundle(bundle.value(), directory);
    if (!verdict) {
        streams.err << "madoguchi-cli verify: " << directory << ": " << verdict.error().message << Qt::endl;
        return verdict.error().code == ErrorCode::Internal ? kExitFailed : kExitBadInput;
    }
    if (bundle.value().signature) {
        // The form only: a bundle directory has no register to compare with (`jpki check --store`).
        std::shared_ptr<const JpkiTrustStore> trust;
        if (parser.isSet(m_anchors)) {
            JpkiConfig config;
            config.trustAnchors = parser.value(m_anchors);
            config.crls = parser.value(m_crls);
            auto loaded = JpkiTrustStore::load(config);
            if (!loaded) {
                streams.err << "madoguchi-cli verify: " << loaded.error().message << Qt::endl;
                return kExitSetup;
            }
            trust = loaded.value();
        }
        VerificationJob::applyJpkiCheck(
            JpkiVerifier(trust).verify(bundle.value(), std::nullopt, QDateTime::currentDateTimeUtc()).result,
            verdict.value());
    }
    if (parser.isSet(m_json)) {
        streams.out << QJsonDocument(verdict.value().toJson()).toJson(QJsonDocument::Indented);
    } else {
        printVerdict(streams.out, verdict.value());
        if (verdict.value().jpkiSignature)
            JpkiCommand::printResult(streams.out, *verdict.value().jpkiSignature);
    }
    return kExitOk;
}

} // namespace mado::cli
