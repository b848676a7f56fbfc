#include "tests/jpki/SignedJuminhyo.h"

#include "core/bundle/CanonicalManifest.h"
#include "core/station/JpkiSettings.h"
#include "core/store/ImageSanitizer.h"
#include "tests/jpki/TestPki.h"
#include "tests/support/ImageFiles.h"
#include "tests/support/StoreFixture.h"

#include <QCryptographicHash>
#include <QDir>

namespace mado::test {

Importer::Fetched signedJuminhyo(StoreFixture &f, const QString &pki, const QString &signer)
{
    f.clock().set(QDateTime::currentDateTimeUtc());
    JpkiConfig config;
    config.trustAnchors = QDir(pki).filePath(QStringLiteral("root.pem"));
    config.crls = QDir(pki).filePath(QStringLiteral("crl.pem"));
    if (Status written = JpkiSettings::write(f.store(), f.user(QStringLiteral("admin")), config); !written)
        qWarning("%s", qPrintable(written.error().message));
    Importer::Fetched result;
    result.bundle = f.bundle(QStringLiteral("juminhyo_copy"));
    CaseBundle &b = result.bundle;
    const QDateTime issued = QDateTime::currentDateTimeUtc().addSecs(-120);
    b.challenge.issuedAt = issued;
    b.challenge.expiresAt = issued.addSecs(600);
    for (std::size_t i = 0; i < b.frames.size(); ++i)
        b.frames[i].capturedAt = issued.addSecs(10 + qint64(i));
    b.receivedAt = issued.addSecs(60);
    b.applicant.address = PostalAddress{QStringLiteral("100-0002"), QStringLiteral("東京都"), QStringLiteral("見本区"),
                                        QStringLiteral("登録町4-5-6")};
    if (!signer.isEmpty()) {
        const QByteArray canonical = CanonicalManifest::bytes(b.toJson()).value();
        const QByteArray cms = TestPki::sign(pki, signer, canonical);
        b.signature = BundleSignature{QStringLiteral("signature.p7s"),
                                      QString::fromLatin1(QCryptographicHash::hash(cms, QCryptographicHash::Sha256).toHex()),
                                      cms, canonical};
    }
    auto image = ImageSanitizer().sanitize(faceFreeJpeg(640, 400), QStringLiteral("document_front"));
    if (image)
        result.images.push_back(image.value());
    return result;
}

} // namespace mado::test
