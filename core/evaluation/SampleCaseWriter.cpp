#include "core/evaluation/SampleCaseWriter.h"

#include "core/domain/BundleFileNames.h"
#include "core/evaluation/JpegFile.h"
#include "core/evaluation/SpecimenCard.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace mado {

namespace {

Result<BundleImage> writeJpeg(const QDir &dir, const QString &name, const cv::Mat &bgr)
{
    const auto data = JpegFile::write(dir.filePath(name), bgr, 90);
    if (!data)
        return data.error();
    return BundleImage{name,
                       QString::fromLatin1(QCryptographicHash::hash(data.value(), QCryptographicHash::Sha256).toHex())};
}

} // namespace

cv::Mat SampleCaseWriter::cameraFrame(const cv::Mat &photo, cv::Size size, unsigned seed)
{
    cv::RNG rng(seed);
    cv::Mat frame(size, CV_8UC3, cv::Scalar(rng.uniform(60, 200), rng.uniform(60, 200), rng.uniform(60, 200)));
    const double scale = 0.6 * size.height / photo.rows;
    cv::Mat scaled;
    cv::resize(photo, scaled, cv::Size(), scale, scale, scale < 1.0 ? cv::INTER_AREA : cv::INTER_CUBIC);
    const cv::Rect where((size.width - scaled.cols) / 2, (size.height - scaled.rows) / 2, scaled.cols, scaled.rows);
    scaled.copyTo(frame(where & cv::Rect(0, 0, size.width, size.height)));
    cv::Mat noise(size, CV_8UC3);
    rng.fill(noise, cv::RNG::NORMAL, cv::Scalar::all(0), cv::Scalar::all(3));
    cv::add(frame, noise, frame);
    return frame;
}

Result<CaseBundle> SampleCaseWriter::write(const QString &directory, const Input &input)
{
    if (input.frames.size() != 4 || input.portrait.empty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("a sample case needs a portrait and 4 frames")};
    if (!QDir().mkpath(directory))
        return Error{ErrorCode::Io, QStringLiteral("cannot create %1").arg(directory)};
    const QDir dir(directory);

    SpecimenPhotoOptions photoOptions;
    photoOptions.seed = input.seed;
    photoOptions.scene = input.documentPhotoSize;
    photoOptions.blurSigma = input.documentBlurSigma;
    const SpecimenPhoto document = SpecimenCard::photograph(SpecimenCard::render(input.portrait, input.documentType),
                                                            photoOptions);
    const QDateTime issued = QDateTime::currentDateTimeUtc().addSecs(-120);
    CaseBundle bundle;
    bundle.applicationId = QStringLiteral("sample-%1").arg(input.sequence, 6, 10, QLatin1Char('0'));
    bundle.reference = QStringLiteral("MDG-SAMPLE-%1").arg(input.sequence, 5, 10, QLatin1Char('0'));
    bundle.receivedAt = issued.addSecs(60);
    bundle.applicant = input.applicant ? *input.applicant : ApplicantForm{input.procedure, QStringLiteral("見本 太郎"), QStringLiteral("ミホン タロウ"),
                                     QDate(1980, 4, 1),
                                     PostalAddress{QStringLiteral("100-0001"), QStringLiteral("東京都"),
                                                   QStringLiteral("見本区"), QStringLiteral("見本町1-2-3")},
                                     QStringLiteral("03-0000-0000"), QString(), 1};
    bundle.applicant.procedure = input.procedure;
    bundle.documentType = input.documentType;
    auto front = writeJpeg(dir, QStringLiteral("document_front.jpg"), document.bgr);
    if (!front)
        return front.error();
    bundle.documentFront = front.value();
    bundle.challenge = Challenge{QStringLiteral("sample-nonce-%1-0123456789").arg(input.sequence), issued,
                                 issued.addSecs(600), input.directions};
    const Direction steps[] = {Direction::Front, input.directions[0], input.directions[1], input.directions[2]};
    for (int i = 0; i < 4; ++i) {
        const cv::Mat frame = input.frames[std::size_t(i)].cols == 1280
                                  ? input.frames[std::size_t(i)]
                                  : cameraFrame(input.frames[std::size_t(i)], cv::Size(1280, 720), input.seed + unsigned(i));
        auto image = writeJpeg(dir, QStringLiteral("frame%1.jpg").arg(i), frame);
        if (!image)
            return image.error();
        bundle.frames.push_back(SelfieFrame{steps[i], issued.addSecs(10 + 2 * i), image.value()});
    }
    QFile manifest(dir.filePath(QLatin1String(bundle_files::kManifest)));
    const QByteArray json = QJsonDocument(bundle.toJson()).toJson();
    if (!manifest.open(QIODevice::WriteOnly) || manifest.write(json) != json.size())
        return Error{ErrorCode::Io, QStringLiteral("cannot write %1").arg(manifest.fileName())};
    return bundle;
}

} // namespace mado
