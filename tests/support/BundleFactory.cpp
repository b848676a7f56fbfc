#include "tests/support/BundleFactory.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace mado::test {

namespace {

bool copyWithHash(const QString &source, const QString &target, QString *sha256)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return false;
    const QByteArray bytes = in.readAll();
    QFile out(target);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size())
        return false;
    *sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    return true;
}

QString extensionOf(const QString &path)
{
    return path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ? QStringLiteral("png") : QStringLiteral("jpg");
}

} // namespace

CaseBundle BundleFactory::specimen(const QStringList &frameFiles, const QString &documentFile,
                                   std::array<Direction, 3> directions)
{
    const QDateTime issued = QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC);
    CaseBundle bundle;
    bundle.applicationId = QStringLiteral("app-0001-specimen");
    bundle.reference = QStringLiteral("MDG-000001-7");
    bundle.receivedAt = issued.addSecs(300);
    bundle.applicant.procedure = QStringLiteral("tax_certificate");
    bundle.applicant.name = QStringLiteral("見本 太郎");
    bundle.applicant.kana = QStringLiteral("ミホン タロウ");
    bundle.applicant.dateOfBirth = QDate(1980, 4, 1);
    bundle.applicant.address = PostalAddress{QStringLiteral("100-0001"), QStringLiteral("東京都"),
                                             QStringLiteral("見本区"), QStringLiteral("見本町1-2-3")};
    bundle.applicant.phone = QStringLiteral("03-0000-0000");
    bundle.applicant.copies = 1;
    bundle.documentType = DocumentType::MyNumberCard;
    bundle.documentFront = BundleImage{documentFile, QString()};
    bundle.challenge = Challenge{QStringLiteral("nonce-0123456789abcdef"), issued, issued.addSecs(600), directions};
    const Direction steps[] = {Direction::Front, directions[0], directions[1], directions[2]};
    for (int i = 0; i < 4 && i < frameFiles.size(); ++i)
        bundle.frames.push_back(SelfieFrame{steps[i], issued.addSecs(60 + i * 2), BundleImage{frameFiles.at(i), QString()}});
    return bundle;
}

bool BundleFactory::write(const QString &directory, const CaseBundle &original, const QString &documentImage,
                          const QStringList &frameImages)
{
    CaseBundle bundle = original;
    QDir().mkpath(directory);
    const QDir dir(directory);
    if (bundle.documentFront.file.isEmpty())
        bundle.documentFront.file = QStringLiteral("document_front.") + extensionOf(documentImage);
    if (!copyWithHash(documentImage, dir.filePath(bundle.documentFront.file), &bundle.documentFront.sha256))
        return false;
    for (std::size_t i = 0; i < bundle.frames.size() && int(i) < frameImages.size(); ++i) {
        BundleImage &image = bundle.frames[i].image;
        if (image.file.isEmpty())
            image.file = QStringLiteral("frame%1.").arg(i) + extensionOf(frameImages.at(int(i)));
        if (!copyWithHash(frameImages.at(int(i)), dir.filePath(image.file), &image.sha256))
            return false;
    }
    return writeManifest(directory, bundle.toJson());
}

bool BundleFactory::writeManifest(const QString &directory, const QJsonObject &manifest)
{
    QFile file(QDir(directory).filePath(QStringLiteral("case.json")));
    const QByteArray bytes = QJsonDocument(manifest).toJson();
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace mado::test
