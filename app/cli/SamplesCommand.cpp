#include "app/cli/SamplesCommand.h"

#include "core/evaluation/JpegFile.h"
#include "core/evaluation/SampleCaseWriter.h"
#include "core/evaluation/SpecimenCard.h"
#include "core/face/HogFaceDetector.h"
#include "core/face/ImageDecoder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace mado::cli {

SamplesCommand::SamplesCommand()
    : Command(QStringLiteral("samples"), QStringLiteral("Make synthetic test material (faces, cards, case bundles)."),
              {QStringLiteral("split IMAGE LABELS.json OUTDIR"),
               QStringLiteral("card PORTRAIT OUT.jpg [SEED] [my_number_card|drivers_license]"),
               QStringLiteral("case PHOTO_DIR OUT_DIR [SEED]")})
{
    addArgument(QStringLiteral("ACTION"), QStringLiteral("split, card or case."));
    addArgument(QStringLiteral("ARGUMENTS"), QStringLiteral("The action's arguments (see the usage lines)."),
                QStringLiteral("ARGUMENTS..."));
    setActions({QStringLiteral("split"), QStringLiteral("card"), QStringLiteral("case")});
    setHelpNotes(
        QStringLiteral("split: LABELS.json is {\"people\": {\"name\": [[x, y], ...]}}, one point per face (its "
                       "centre, in image pixels); faces go to OUTDIR/<person>/NN.jpg.\n"
                       "case: PHOTO_DIR holds at least five photos of one person.\n"
                       "Exit codes: 0 written, 1 cannot write, 2 an input is unusable."));
}

int SamplesCommand::execute(const QCommandLineParser &parser, CliStreams streams)
{
    // The action word stays at index 0, so the action's own arguments start at 1.
    const QStringList arguments = QStringList{QString()} + parser.positionalArguments();
    const QString action = arguments.value(1);
    if (action == QLatin1String("card") && arguments.size() >= 4 && arguments.size() <= 6)
        return runCard(arguments, streams);
    if (action == QLatin1String("case") && arguments.size() >= 4 && arguments.size() <= 5)
        return runCase(arguments, streams);
    if (action == QLatin1String("split") && arguments.size() == 5)
        return runSplit(arguments, streams);
    return usageError(streams, QStringLiteral("expects split, card or case with their arguments"));
}

// The card's arguments: PORTRAIT OUT.jpg [SEED] [my_number_card|drivers_license].
int SamplesCommand::runCard(const QStringList &arguments, CliStreams streams) const
{
    auto portrait = ImageDecoder().decodeFile(arguments.at(2));
    if (!portrait) {
        streams.err << "madoguchi-cli samples: " << arguments.at(2) << ": " << portrait.error().message << Qt::endl;
        return kExitBadInput;
    }
    SpecimenPhotoOptions options;
    options.seed = arguments.size() > 4 ? arguments.at(4).toUInt() : 1u;
    const DocumentType type = documentTypeFromName(arguments.value(5)).value_or(DocumentType::MyNumberCard);
    const SpecimenPhoto photo = SpecimenCard::photograph(SpecimenCard::render(portrait.value().bgr, type), options);
    if (auto written = JpegFile::write(arguments.at(3), photo.bgr, 92); !written) {
        streams.err << "madoguchi-cli samples: " << written.error().message << Qt::endl;
        return kExitFailed;
    }
    return kExitOk;
}

// The case's arguments: PHOTO_DIR OUT_DIR [SEED].
int SamplesCommand::runCase(const QStringList &arguments, CliStreams streams) const
{
    const QDir photos(arguments.at(2));
    const QStringList files =
        photos.entryList({QStringLiteral("*.jpg"), QStringLiteral("*.png")}, QDir::Files, QDir::Name);
    if (files.size() < 5) {
        streams.err << "madoguchi-cli samples: " << arguments.at(2) << " needs at least 5 photos" << Qt::endl;
        return kExitBadInput;
    }
    SampleCaseWriter::Input input;
    input.seed = arguments.size() > 4 ? arguments.at(4).toUInt() : 1u;
    input.sequence = int(input.seed);
    for (int i = 0; i < 5; ++i) {
        auto image = ImageDecoder().decodeFile(photos.filePath(files.at(i)));
        if (!image) {
            streams.err << "madoguchi-cli samples: " << files.at(i) << ": " << image.error().message << Qt::endl;
            return kExitBadInput;
        }
        (i == 0 ? input.portrait : input.frames.emplace_back()) = image.value().bgr;
    }
    auto bundle = SampleCaseWriter::write(arguments.at(3), input);
    if (!bundle) {
        streams.err << "madoguchi-cli samples: " << bundle.error().message << Qt::endl;
        return kExitFailed;
    }
    streams.out << "case bundle written to " << arguments.at(3) << Qt::endl;
    return kExitOk;
}

// The split's arguments: IMAGE LABELS.json OUTDIR.
int SamplesCommand::runSplit(const QStringList &arguments, CliStreams streams) const
{
    auto image = ImageDecoder().decodeFile(arguments.at(2));
    if (!image) {
        streams.err << "madoguchi-cli samples: " << arguments.at(2) << ": " << image.error().message << Qt::endl;
        return kExitBadInput;
    }
    QFile labelsFile(arguments.at(3));
    if (!labelsFile.open(QIODevice::ReadOnly)) {
        streams.err << "madoguchi-cli samples: cannot read " << arguments.at(3) << Qt::endl;
        return kExitBadInput;
    }
    const QJsonObject people =
        QJsonDocument::fromJson(labelsFile.readAll()).object().value(QStringLiteral("people")).toObject();
    if (people.isEmpty()) {
        streams.err << "madoguchi-cli samples: " << arguments.at(3) << " has no \"people\"" << Qt::endl;
        return kExitBadInput;
    }
    const cv::Mat &bgr = image.value().bgr;
    cv::Mat gray;
    cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    HogFaceDetector detector;
    const std::vector<FaceBox> faces = detector.detect(gray, std::max(gray.cols, gray.rows)); // full resolution

    int written = 0;
    int missed = 0;
    for (auto it = people.begin(); it != people.end(); ++it) {
        const QDir out(QDir(arguments.at(4)).filePath(it.key()));
        QDir().mkpath(out.path());
        int index = 0;
        for (const QJsonValue &point : it.value().toArray()) {
            const cv::Point centre(point.toArray().at(0).toInt(), point.toArray().at(1).toInt());
            const auto face =
                std::find_if(faces.begin(), faces.end(), [&](const FaceBox &f) { return f.rect.contains(centre); });
            ++index;
            if (face == faces.end()) {
                streams.out << "no face detected at " << centre.x << ',' << centre.y << " (" << it.key() << ')'
                            << Qt::endl;
                ++missed;
                continue;
            }
            // A crop three times the face box, like a portrait photo.
            const cv::Rect wide = cv::Rect(face->rect.x - face->rect.width, face->rect.y - face->rect.height,
                                           face->rect.width * 3, face->rect.height * 3) &
                                  cv::Rect(0, 0, bgr.cols, bgr.rows);
            const QString path = out.filePath(QStringLiteral("%1.jpg").arg(index, 2, 10, QLatin1Char('0')));
            if (auto jpeg = JpegFile::write(path, bgr(wide), 95); !jpeg) {
                streams.err << "madoguchi-cli samples: " << jpeg.error().message << Qt::endl;
                return kExitFailed;
            }
            ++written;
        }
    }
    streams.out << written << " faces written to " << arguments.at(4) << ", " << missed
                << " labels without a detected face" << Qt::endl;
    return kExitOk;
}

} // namespace mado::cli
