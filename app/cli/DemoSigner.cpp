#include "app/cli/DemoSigner.h"

#include "core/bundle/CanonicalManifest.h"
#include "core/bundle/CaseBundleReader.h"
#include "core/crypto/OpenSslTypes.h"
#include "core/domain/BundleFileNames.h"
#include "core/net/HttpCall.h"

#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUrl>

namespace mado::cli {

namespace {

struct KeyFree {
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
};

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("cannot read %1").arg(path)};
    return file.readAll();
}

Status writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error{ErrorCode::Io, QStringLiteral("cannot write %1").arg(path)};
    return {};
}

} // namespace

Status DemoSigner::sign(const QString &bundleDirectory, const QString &pki, const QString &signer, const QDateTime &now)
{
    auto reader = CaseBundleReader::create();
    if (!reader)
        return reader.error();
    auto loaded = reader.value().read(bundleDirectory);
    if (!loaded)
        return loaded.error();
    CaseBundle bundle = std::move(loaded).value();
    // The application is made now: every time keeps its distance to the challenge's issue.
    const qint64 shift = bundle.challenge.issuedAt.secsTo(now.addSecs(-60));
    bundle.challenge.issuedAt = bundle.challenge.issuedAt.addSecs(shift);
    bundle.challenge.expiresAt = bundle.challenge.expiresAt.addSecs(shift);
    bundle.receivedAt = bundle.receivedAt.addSecs(shift);
    for (SelfieFrame &frame : bundle.frames)
        frame.capturedAt = frame.capturedAt.addSecs(shift);
    bundle.signature.reset();
    auto canonical = CanonicalManifest::bytes(bundle.toJson());
    if (!canonical)
        return canonical.error();

    auto der = signBytes(canonical.value(), pki, signer);
    if (!der)
        return der.error();
    const QDir bundleDir(bundleDirectory);
    if (Status written = writeFile(bundleDir.filePath(QLatin1String(bundle_files::kSignature)), der.value()); !written)
        return written;
    bundle.signature =
        BundleSignature{QLatin1String(bundle_files::kSignature),
                        QString::fromLatin1(QCryptographicHash::hash(der.value(), QCryptographicHash::Sha256).toHex()),
                        {},
                        {}};
    return writeFile(bundleDir.filePath(QLatin1String(bundle_files::kManifest)),
                     QJsonDocument(bundle.toJson()).toJson());
}

Result<QByteArray> DemoSigner::signBytes(const QByteArray &content, const QString &pki, const QString &signer)
{
    const QDir dir(pki);
    auto certificatePem = readFile(dir.filePath(signer + QStringLiteral(".pem")));
    auto keyPem = readFile(dir.filePath(signer + QStringLiteral(".key")));
    auto caPem = readFile(dir.filePath(QStringLiteral("signca.pem")));
    for (const auto *r : {&certificatePem, &keyPem, &caPem})
        if (!*r)
            return r->error();
    auto certificateBio = ossl::memory(certificatePem.value());
    auto keyBio = ossl::memory(keyPem.value());
    auto caBio = ossl::memory(caPem.value());
    ossl::Ptr<X509> certificate(PEM_read_bio_X509(certificateBio.get(), nullptr, nullptr, nullptr));
    std::unique_ptr<EVP_PKEY, KeyFree> key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    ossl::CertStack chain(sk_X509_new_null());
    if (X509 *ca = PEM_read_bio_X509(caBio.get(), nullptr, nullptr, nullptr))
        sk_X509_push(chain.get(), ca);
    if (!certificate || !key || sk_X509_num(chain.get()) != 1)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1: unreadable test key material (%2)")
                                                     .arg(pki, ossl::lastError())};
    // Detached, binary, SHA-256 (OpenSSL's default for RSA), signingTime among the signed attributes.
    auto bytes = ossl::memory(content);
    ossl::Ptr<CMS_ContentInfo> cms(
        CMS_sign(certificate.get(), key.get(), chain.get(), bytes.get(), CMS_DETACHED | CMS_BINARY));
    ossl::Ptr<BIO> out(BIO_new(BIO_s_mem()));
    if (!cms || !out || i2d_CMS_bio(out.get(), cms.get()) != 1)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("signing failed: %1").arg(ossl::lastError())};
    char *data = nullptr;
    const long size = BIO_get_mem_data(out.get(), &data);
    return QByteArray(data, int(size));
}

Status DemoSigner::signRemote(const QString &receiverBase, const QString &idToken, const QString &applicationId,
                              const QString &pki, const QString &signer)
{
    const QString application = receiverBase + QStringLiteral("/api/v1/applications/") +
                                QString::fromLatin1(QUrl::toPercentEncoding(applicationId));
    const HttpCall::Headers auth{{"Authorization", "Bearer " + idToken.toStdString()}};
    const auto refused = [](const char *step, const HttpCall::Reply &reply) {
        const QString code = QJsonDocument::fromJson(reply.body)
                                 .object()
                                 .value(QStringLiteral("error"))
                                 .toObject()
                                 .value(QStringLiteral("code"))
                                 .toString();
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("%1: the receiver answered %2 %3").arg(QLatin1String(step)).arg(reply.status).arg(code)};
    };
    // The exact bytes to sign: the canonical manifest as the receiver will hand it on.
    auto manifest = HttpCall::request("GET", application + QStringLiteral("/manifest"), auth, {}, {});
    if (!manifest)
        return manifest.error();
    if (manifest.value().status != 200)
        return refused("manifest", manifest.value());
    auto der = signBytes(manifest.value().body, pki, signer);
    if (!der)
        return der.error();
    auto uploaded = HttpCall::request("PUT", application + QStringLiteral("/signature"), auth, der.value(),
                                      "application/pkcs7-signature");
    if (!uploaded)
        return uploaded.error();
    if (uploaded.value().status != 200)
        return refused("signature", uploaded.value());
    return {};
}

} // namespace mado::cli
