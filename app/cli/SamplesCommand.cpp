#include "app/cli/CliCommand.h"

#include "core/face/HogFaceDetector.h"
#include "core/face/ImageDecoder.h"
#include "core/evaluation/SampleCaseWriter.h"
#include "core/evaluation/SpecimenCard.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace mado::cli {

namespace {

// `samples card PORTRAIT OUT.jpg [SEED] [my_number_card|drivers_license]`: a photographed specimen card.
int runCard(const QStringList &arguments, CliStreams streams)
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
    if (!cv::imwrite(arguments.at(3).toStdString(), photo.bgr, {cv::IMWRITE_JPEG_QUALITY, 92})) {
        streams.err << "madoguchi-cli samples: cannot write " << arguments.at(3) << Qt::endl;
        return kExitFailed;
    }
    return kExitOk;
}

// `samples case PHOTO_DIR OUT_DIR [SEED]`: a case bundle from five photos of one person: the
// first on a photographed specimen card, the next four as selfie frames.
int runCase(const QStringList &arguments, CliStreams streams)
{
    const QDir photos(arguments.at(2));
    const QStringList files = photos.entryList({QStringLiteral("*.jpg"), QStringLiteral("*.png")}, QDir::Files, QDir::Name);
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

} // namespace

// `samples split IMAGE LABELS.json OUTDIR`: cuts the labelled faces of a group photo into
// OUTDIR/<person>/NN.jpg, so that `eval` can use it. LABELS: {"people": {"name": [[x, y], ...]}},
// one point per face (its centre, in image pixels).
int runSamples(const QStringList &arguments, CliStreams streams)
{
    if (arguments.size() >= 4 && arguments.at(1) == QLatin1String("card"))
        return runCard(arguments, streams);
    if (arguments.size() >= 4 && arguments.at(1) == QLatin1String("case"))
        return runCase(arguments, streams);
    if (arguments.size() != 5 || arguments.at(1) != QLatin1String("split")) {
        streams.err << "usage: madoguchi-cli samples split IMAGE LABELS.json OUTDIR" << Qt::endl
                    << "       madoguchi-cli samples card PORTRAIT OUT.jpg [SEED] [my_number_card|drivers_license]"
                    << Qt::endl
                    << "       madoguchi-cli samples case PHOTO_DIR OUT_DIR [SEED]" << Qt::endl;
        return kExitUsage;
    }
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
    const QJsonObject people = QJsonDocument::fromJson(labelsFile.readAll()).object().value(QStringLiteral("people")).toObject();
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
            const auto face = std::find_if(faces.begin(), faces.end(), [&](const FaceBox &f) { return f.rect.contains(centre); });
            ++index;
            if (face == faces.end()) {
                streams.out << "no face detected at " << centre.x << ',' << centre.y << " (" << it.key() << ')' << Qt::endl;
                ++missed;
                continue;
            }
            // A crop three times the face box, like a portrait photo.
            const cv::Rect wide = cv::Rect(face->rect.x - face->rect.width, face->rect.y - face->rect.height,
                                           face->rect.width * 3, face->rect.height * 3) &
                                  cv::Rect(0, 0, bgr.cols, bgr.rows);
            const QString path = out.filePath(QStringLiteral("%1.jpg").arg(index, 2, 10, QLatin1Char('0')));
            if (!cv::imwrite(path.toStdString(), bgr(wide), {cv::IMWRITE_JPEG_QUALITY, 95})) {
                streams.err << "madoguchi-cli samples: cannot write " << path << Qt::endl;
                return kExitFailed;
            }
            ++written;
        }
    }
    streams.out << written << " faces written to " << arguments.at(4) << ", " << missed << " labels without a detected face"
                << Qt::endl;
    return kExitOk;
}

} // namespace mado::cli
