#include "app/cli/MatchCommand.h"

#include "core/face/FaceEngine.h"
#include "core/face/FaceThresholds.h"
#include "core/face/ImageDecoder.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mado::cli {

namespace {

int fail(CliStreams streams, bool json, int exitCode, const Error &error, const QString &context)
{
    const QString line = context.isEmpty() ? error.message : QStringLiteral("%1: %2").arg(context, error.message);
    streams.err << "madoguchi-cli match: " << line << Qt::endl;
    if (json) {
        const QJsonObject body{
            {QStringLiteral("error"),
             QJsonObject{{QStringLiteral("code"), errorCodeName(error.code)}, {QStringLiteral("message"), line}}}};
        streams.out << QJsonDocument(body).toJson(QJsonDocument::Compact) << Qt::endl;
    }
    return exitCode;
}

QString boxText(const FaceSide &side)
{
    const cv::Rect &r = side.face.rect;
    QString text = QStringLiteral("x=%1 y=%2 w=%3 h=%4 in %5x%6")
                       .arg(r.x)
                       .arg(r.y)
                       .arg(r.width)
                       .arg(r.height)
                       .arg(side.imageWidth)
                       .arg(side.imageHeight);
    if (side.facesFound > 1)
        text += QStringLiteral(" (largest of %1 faces)").arg(side.facesFound);
    return text;
}

} // namespace

MatchCommand::MatchCommand()
    : Command(QStringLiteral("match"), QStringLiteral("Compare the face on an identity document with a selfie."),
              {QStringLiteral("[--json] [--models DIR] DOCUMENT_IMAGE SELFIE_IMAGE")}),
      m_json(addOption({QStringLiteral("json"), QStringLiteral("Print one JSON object.")})),
      m_models(addOption({QStringLiteral("models"), QStringLiteral("Models directory."), QStringLiteral("DIR"),
                          ModelSet::defaultDirectory()}))
{
    addArgument(QStringLiteral("DOCUMENT_IMAGE"), QStringLiteral("Photo of the identity document."));
    addArgument(QStringLiteral("SELFIE_IMAGE"), QStringLiteral("Selfie (frontal frame)."));
    setHelpNotes(QStringLiteral("Exit codes: 0 compared, 2 an image is unusable (no face, unreadable), 3 models "
                                "missing or corrupt."));
}

int MatchCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    if (parser.positionalArguments().size() != 2)
        return usageError(streams, QStringLiteral("expects DOCUMENT_IMAGE SELFIE_IMAGE"));
    const bool json = parser.isSet(m_json);
    const QString documentPath = parser.positionalArguments().at(0);
    const QString selfiePath = parser.positionalArguments().at(1);

    // Decode both images before loading models: a bad input is reported fast and cheaply.
    const ImageDecoder decoder;
    auto document = decoder.decodeFile(documentPath);
    if (!document)
        return fail(streams, json, kExitBadInput, document.error(), documentPath);
    auto selfie = decoder.decodeFile(selfiePath);
    if (!selfie)
        return fail(streams, json, kExitBadInput, selfie.error(), selfiePath);

    auto thresholds = FaceThresholds::shipped();
    if (!thresholds)
        return fail(streams, json, kExitSetup, thresholds.error(), QString());
    auto engine = FaceEngine::load(ModelSet(parser.value(m_models)), thresholds.value().match);
    if (!engine)
        return fail(streams, json, kExitSetup, engine.error(), QString());

    auto match = engine.value()->match(document.value().bgr, selfie.value().bgr);
    if (!match) {
        const QString context =
            match.error().code == ErrorCode::NoFace
                ? (match.error().message.contains(QLatin1String("document")) ? documentPath : selfiePath)
                : QString();
        return fail(streams, json, match.error().code == ErrorCode::NoFace ? kExitBadInput : kExitFailed, match.error(),
                    context);
    }
    const FaceMatch &m = match.value();
    if (json) {
        streams.out << QJsonDocument(m.toJson()).toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    streams.out << QStringLiteral("distance: %1").arg(m.distance, 0, 'f', 4) << Qt::endl
                << QStringLiteral("band:     %1  (match <= %2 < review <= %3 < mismatch; thresholds %4)")
                       .arg(matchBandName(m.band))
                       .arg(m.thresholds.matchMax, 0, 'f', 2)
                       .arg(m.thresholds.reviewMax, 0, 'f', 2)
                       .arg(m.thresholds.version)
                << Qt::endl
                << "document: " << boxText(m.document) << Qt::endl
                << "selfie:   " << boxText(m.selfie) << Qt::endl;
    for (const QString &note : m.notes)
        streams.out << "note:     " << note << Qt::endl;
    return kExitOk;
}

} // namespace mado::cli
