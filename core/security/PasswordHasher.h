#pragma once

#include "core/domain/Result.h"

#include <QString>

#include <cstddef>

namespace mado {

// Argon2id password hashes in libsodium's self-describing string format ("$argon2id$v=19$m=...").
// The cost is stored in each hash, so raising it later still verifies old hashes. Any thread.
class PasswordHasher {
public:
    struct Cost {
        unsigned long long opsLimit;
        std::size_t memLimit;
    };
    // libsodium's INTERACTIVE limits (2 passes, 64 MiB): about 0.1 s per hash on a desk PC.
    static Cost interactive();

    static Result<QString> hash(const QString &password, Cost cost = interactive());
    // False for a wrong password and for a malformed hash.
    static bool verify(const QString &hash, const QString &password);
    // A valid hash at the interactive() cost of a random password nobody knows: verifying against it
    // costs what verifying a real account's password costs, so a login name that does not exist (or
    // whose account is disabled) takes as long to refuse as a wrong password.
    static const QString &dummyHash();
    // True when hash was made with exactly the given cost (libsodium's crypto_pwhash_str_needs_rehash).
    static bool hasCost(const QString &hash, Cost cost);
};

} // namespace mado
