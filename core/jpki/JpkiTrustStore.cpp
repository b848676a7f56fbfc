#include "core/jpki/JpkiTrustStore.h"

#include <openssl/pem.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace mado {

namespace {

constexpr qint64 kMaxFileBytes = 512LL * 1024 * 1024; // a national CRL is large, not unbounded

Result<QStringList> filesOf(const QString &path, const QStringList &patterns)
{
    const QFileInfo info(path);
    if (info.isFile())
        return QStringList{info.absoluteFilePath()};
    if (!info.isDir())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1 is neither a file nor a directory").arg(path)};
    QStringList files;
    for (const QFileInfo &entry : QDir(path).entryInfoList(patterns, QDir::Files, QDir::Name))
        files << entry.absoluteFilePath();
    return files;
}

Result<QByteArray> readAll(const QString &file)
{
    QFile f(file);
    if (f.size() > kMaxFileBytes)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1 is larger than %2 bytes").arg(file).arg(kMaxFileBytes)};
    if (!f.open(QIODevice::ReadOnly))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("cannot read %1").arg(file)};
    return f.readAll();
}

bool isPem(const QByteArray &bytes)
{
    return bytes.contains("-----BEGIN ");
}

} // namespace

Result<std::shared_ptr<const JpkiTrustStore>> JpkiTrustStore::load(const JpkiConfig &config)
{
    auto store = std::make_shared<JpkiTrustStore>();
    store->m_config = config;
    if (!config.configured())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("no JPKI trust anchors are configured")};

    auto certificateFiles = filesOf(config.trustAnchors, {QStringLiteral("*.pem"), QStringLiteral("*.crt"),
                                                          QStringLiteral("*.cer")});
    if (!certificateFiles)
        return certificateFiles.error();
    for (const QString &file : certificateFiles.value()) {
        auto bytes = readAll(file);
        if (!bytes)
            return bytes.error();
        auto bio = ossl::memory(bytes.value());
        std::vector<ossl::Ptr<X509>> read;
        if (isPem(bytes.value())) {
            while (X509 *cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr))
                read.emplace_back(cert);
            ossl::lastError(); // the end of the file leaves an error behind
        } else if (X509 *cert = d2i_X509_bio(bio.get(), nullptr)) {
            read.emplace_back(cert);
        }
        if (read.empty())
            return Error{ErrorCode::InvalidArgument, QStringLiteral("%1 holds no certificate").arg(file)};
        for (auto &cert : read) {
            const bool selfSigned = X509_check_issued(cert.get(), cert.get()) == X509_V_OK;
            (selfSigned ? store->m_anchors : store->m_intermediates).push_back(std::move(cert));
        }
    }
    if (store->m_anchors.empty())
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("%1 holds no self-signed trust anchor").arg(config.trustAnchors)};

    if (!config.crls.isEmpty()) {
        auto crlFiles = filesOf(config.crls, {QStringLiteral("*.crl"), QStringLiteral("*.pem"), QStringLiteral("*.der")});
        if (!crlFiles)
            return crlFiles.error();
        for (const QString &file : crlFiles.value()) {
            auto bytes = readAll(file);
            if (!bytes)
                return bytes.error();
            auto bio = ossl::memory(bytes.value());
            const int before = int(store->m_crls.size());
            if (isPem(bytes.value())) {
                while (X509_CRL *crl = PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr))
                    store->m_crls.push_back(Crl{ossl::Ptr<X509_CRL>(crl), file});
                ossl::lastError();
            } else if (X509_CRL *crl = d2i_X509_CRL_bio(bio.get(), nullptr)) {
                store->m_crls.push_back(Crl{ossl::Ptr<X509_CRL>(crl), file});
            }
            if (int(store->m_crls.size()) == before)
                return Error{ErrorCode::InvalidArgument, QStringLiteral("%1 holds no CRL").arg(file)};
        }
    }
    return std::shared_ptr<const JpkiTrustStore>(std::move(store));
}

} // namespace mado
