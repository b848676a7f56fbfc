#include "core/security/PasswordHasher.h"

#include <sodium.h>

namespace mado {

namespace {
bool sodiumReady()
{
    // sodium_init() is thread-safe and may be called repeatedly; 1 means "already initialised".
    static const bool ready = sodium_init() >= 0;
    return ready;
}
} // namespace

PasswordHasher::Cost PasswordHasher::interactive()
{
    return Cost{crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

Result<QString> PasswordHasher::hash(const QString &password, Cost cost)
{
    if (!sodiumReady())
        return Error{ErrorCode::Internal, QStringLiteral("libsodium failed to initialise")};
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()), cost.opsLimit,
                              cost.memLimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Error{ErrorCode::Internal, QStringLiteral("password hashing ran out of memory")};
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &hash, const QString &password)
{
    if (!sodiumReady())
        return false;
    const QByteArray stored = hash.toLatin1();
    if (stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size())) == 0;
}

const QString &PasswordHasher::dummyHash()
{
    // Made once with crypto_pwhash_str_alg at the INTERACTIVE limits from 32 random bytes that were
    // thrown away; a constant, so that no process pays for (or reveals by timing) making it.
    static const QString hash = QStringLiteral("$argon2id$v=19$m=65536,t=2,p=1$I79eUxIombRYkDwvNzwehA$"
                                               "IGk6NpHTND8UhVWuYwFRjYmct0eDjWvN42qWzTRaWSs");
    return hash;
}

bool PasswordHasher::hasCost(const QString &hash, Cost cost)
{
    if (!sodiumReady())
        return false;
    const QByteArray stored = hash.toLatin1();
    return crypto_pwhash_str_needs_rehash(stored.constData(), cost.opsLimit, cost.memLimit) == 0;
}

} // namespace mado
