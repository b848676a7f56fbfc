#include "core/crypto/DataKey.h"

#include "core/crypto/KeyFileCheck.h"
#include "core/crypto/OwnerOnlyFile.h"

#include <QFile>
#include <QFileInfo>

#include <sodium.h>

#include <cerrno>
#include <cstring>

namespace mado {

namespace {

const unsigned char kIdLabel[] = "madoguchi data key id v1";

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

// How a person makes a key file by hand, for the messages below. Windows has no /dev/urandom, and
// there only the workstation's store uses key files (it makes its own: StoreKey).
QString makeKeyHint(const QString &path)
{
#ifdef Q_OS_WIN
    Q_UNUSED(path)
    return QStringLiteral("restore the key file from the key backup");
#else
    return QStringLiteral("make one with: (umask 077; head -c %1 /dev/urandom > %2)")
        .arg(DataKey::kBytes)
        .arg(path.isEmpty() ? QStringLiteral("FILE") : path);
#endif
}

} // namespace

// The key bytes in memory sodium allocates (guard pages, locked if the system allows it, wiped on free).
struct DataKey::Secret {
    unsigned char *bytes = nullptr;
    Secret() : bytes(static_cast<unsigned char *>(sodium_malloc(kBytes))) {}
    ~Secret() { sodium_free(bytes); }
    Secret(const Secret &) = delete;
    Secret &operator=(const Secret &) = delete;
};

DataKey DataKey::generate()
{
    sodiumReady();
    QByteArray raw(kBytes, Qt::Uninitialized);
    randombytes_buf(raw.data(), std::size_t(raw.size()));
    DataKey key = fromBytes(raw).value();
    sodium_memzero(raw.data(), std::size_t(raw.size()));
    return key;
}

Result<DataKey> DataKey::fromBytes(const QByteArray &raw)
{
    if (!sodiumReady())
        return Error{ErrorCode::Internal, QStringLiteral("libsodium could not be initialised")};
    if (raw.size() != kBytes)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("a key has exactly %1 bytes, not %2 (%3)")
                         .arg(kBytes)
                         .arg(raw.size())
                         .arg(makeKeyHint(QString()))};
    auto secret = std::make_shared<Secret>();
    if (!secret->bytes)
        return Error{ErrorCode::Internal, QStringLiteral("cannot allocate protected memory for a key")};
    std::memcpy(secret->bytes, raw.constData(), kBytes);
    DataKey key;
    crypto_generichash(key.m_id.data(), key.m_id.size(), kIdLabel, sizeof kIdLabel - 1, secret->bytes, kBytes);
    key.m_secret = std::move(secret);
    return key;
}

Result<DataKey> DataKey::loadFile(const QString &path, const QString &setting)
{
    if (path.isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1: no key file named").arg(setting)};
    if (!QFileInfo::exists(path))
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("%1: key file '%2' does not exist (a new installation: %3; if it was lost, "
                                    "restore it from the key backup: data sealed with it cannot be read without it)")
                         .arg(setting, path, makeKeyHint(path))};
    if (Status safe = KeyFileCheck::check(setting, path); !safe)
        return safe.error();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1: cannot read '%2'").arg(setting, path)};
    QByteArray raw = file.read(kBytes + 1);
    auto key = fromBytes(raw);
    sodium_memzero(raw.data(), std::size_t(raw.size()));
    if (!key)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1: '%2': %3").arg(setting, path, key.error().message)};
    return key;
}

Result<DataKey> DataKey::loadCredential(const QString &name, const QString &setting)
{
    const QByteArray directory = qgetenv("CREDENTIALS_DIRECTORY");
    if (directory.isEmpty())
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("%1: $CREDENTIALS_DIRECTORY is not set (give the unit LoadCredential=%2:FILE "
                                    "or use a key file)")
                         .arg(setting, name)};
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.startsWith(QLatin1Char('.')))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("%1: '%2' is not a credential name").arg(setting, name)};
    return loadFile(QFile::decodeName(directory) + QLatin1Char('/') + name, setting);
}

Result<DataKey> DataKey::createFile(const QString &path)
{
    const DataKey key = generate();
    OwnerOnlyFile file;
    if (Status created = file.create(path, QStringLiteral("key file")); !created)
        return created.error();
    file.write(QByteArrayView(reinterpret_cast<const char *>(key.bytes()), kBytes));
    if (Status written = file.commit(); !written)
        return written.error();
    return key;
}

QString DataKey::idHex() const
{
    return idHex(m_id);
}

QString DataKey::idHex(const Id &id)
{
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(id.data()), qsizetype(id.size())).toHex());
}

const unsigned char *DataKey::bytes() const
{
    return m_secret->bytes;
}

} // namespace mado
