#include "tests/ui/RealCase.h"

#include "core/face/CaseVerifier.h"
#include "core/face/FaceThresholds.h"
#include "core/face/ImageDecoder.h"
#include "core/face/ModelSet.h"
#include "core/evaluation/SampleCaseWriter.h"
#include "core/store/ImageSanitizer.h"
#include "core/store/SanitizedImage.h"
#include "tests/support/StoreFixture.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace mado::test {

namespace {
Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot read %1").arg(path)};
    return file.readAll();
}
} // namespace

RealCase::~RealCase() = default;

Result<std::unique_ptr<RealCase>> RealCase::create(const QString &directory, const QString &person, int documentWidth,
                                                   int documentHeight)
{
    SampleCaseWriter::Input input;
    for (int i = 0; i <= 4; ++i) {
        auto photo = ImageDecoder().decodeFile(johnPhoto(person, i));
        if (!photo)
            return photo.error();
        (i == 0 ? input.portrait : input.frames.emplace_back()) = photo.value().bgr;
    }
    input.documentPhotoSize = cv::Size(documentWidth, documentHeight);
    auto bundle = SampleCaseWriter::write(directory, input);
    if (!bundle)
        return bundle.error();
    auto thresholds = FaceThresholds::shipped();
    if (!thresholds)
        return thresholds.error();
    auto verifier = CaseVerifier::load(ModelSet(), thresholds.value());
    if (!verifier)
        return verifier.error();
    auto verdict = verifier.value()->verifyBundle(bundle.value(), directory);
    if (!verdict)
        return verdict.error();

    std::unique_ptr<RealCase> real(new RealCase);
    real->m_directory = directory;
    real->m_bundleJson = QJsonDocument(bundle.value().toJson()).toJson();
    real->m_verdict = verdict.value();
    const QDir dir(directory);
    std::vector<std::pair<QString, QString>> files{
        {bundle.value().documentFront.file, QStringLiteral("document_front")}};
    for (std::size_t i = 0; i < bundle.value().frames.size(); ++i)
        files.emplace_back(bundle.value().frames[i].image.file, QStringLiteral("frame%1").arg(i));
    for (const auto &[file, role] : files) {
        auto bytes = readFile(dir.filePath(file));
        if (!bytes)
            return bytes.error();
        auto image = ImageSanitizer().sanitize(bytes.value(), role);
        if (!image)
            return image.error();
        real->m_images.push_back(image.value());
    }
    return real;
}

Result<qint64> RealCase::import(StoreFixture &fixture)
{
    CaseBundle bundle = CaseBundle::fromJson(QJsonDocument::fromJson(m_bundleJson).object());
    ++m_copies;
    bundle.applicationId += QStringLiteral("-copy%1").arg(m_copies);
    bundle.reference = QStringLiteral("MDG-UI-%1").arg(m_copies, 5, 10, QLatin1Char('0'));
    bundle.receivedAt = fixture.clock().now();
    Verdict verdict = m_verdict;
    verdict.applicationId = bundle.applicationId;
    auto imported = test::StoreFixture::importWithPolicy(fixture.store(), bundle, m_images, verdict);
    if (!imported)
        return imported.error();
    return imported.value().caseId;
}

} // namespace mado::test
