#include "core/station/JpkiSignatureCheck.h"

#include "core/station/JpkiSettings.h"
#include "core/store/CaseStore.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>

#include <atomic>

namespace mado {

namespace {

struct Cached {
    QString key;
    std::shared_ptr<const JpkiTrustStore> trust;
};

QMutex g_mutex;
Cached g_cached; // guarded by g_mutex
std::atomic<int> g_loads{0};

// A path's identity for the cache: each file's name, size and modification time (a directory's
// files one by one, so that a CRL replaced inside it changes the key).
QString fileKey(const QString &path)
{
    if (path.isEmpty())
        return {};
    QStringList parts;
    const QFileInfo info(path);
    const QFileInfoList files = info.isDir() ? QDir(path).entryInfoList(QDir::Files, QDir::Name) : QFileInfoList{info};
    for (const QFileInfo &file : files)
        parts << QStringLiteral("%1|%2|%3")
                     .arg(file.absoluteFilePath())
                     .arg(file.size())
                     .arg(file.lastModified().toMSecsSinceEpoch());
    return parts.join(QLatin1Char('\n'));
}

QString cacheKey(const JpkiConfig &config)
{
    return QStringList{config.trustAnchors,
                       config.crls,
                       config.policies.join(QLatin1Char(',')),
                       config.ocspUrl,
                       QString::number(config.ocspTimeoutSeconds),
                       fileKey(config.trustAnchors),
                       fileKey(config.crls)}
        .join(QChar(0x1f));
}

} // namespace

JpkiSignatureCheck::JpkiSignatureCheck(CaseStore &store, std::shared_ptr<const JpkiTrustStore> fixed)
    : m_store(store), m_fixed(std::move(fixed))
{
}

int JpkiSignatureCheck::loadCount()
{
    return g_loads.load();
}

Result<std::shared_ptr<const JpkiTrustStore>> JpkiSignatureCheck::trust()
{
    if (m_fixed)
        return m_fixed;
    auto config = JpkiSettings::read(m_store);
    if (!config)
        return config.error();
    if (!config.value().configured())
        return std::shared_ptr<const JpkiTrustStore>(); // no file is looked at
    const QString key = cacheKey(config.value());
    QMutexLocker lock(&g_mutex);
    if (g_cached.trust && g_cached.key == key)
        return g_cached.trust;
    auto loaded = JpkiTrustStore::load(config.value());
    ++g_loads;
    if (!loaded)
        return loaded.error();
    g_cached = Cached{key, loaded.value()};
    return loaded.value();
}

Result<JpkiVerifier::Check> JpkiSignatureCheck::verify(const CaseBundle &bundle)
{
    auto material = trust();
    if (!material)
        return Error{ErrorCode::InvalidArgument, material.error().message};
    auto entries = m_store.registerEntries(bundle.applicant.name, bundle.applicant.dateOfBirth);
    if (!entries)
        return entries.error().code == ErrorCode::InvalidArgument
                   ? Error{ErrorCode::Database, entries.error().message}
                   : entries.error();
    return JpkiVerifier(material.value()).verify(bundle, entries.value(), m_store.clock().now());
}

} // namespace mado
