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

} // namespace mado
