#pragma once

#include "core/domain/Result.h"
#include "core/crypto/DataKey.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace mado {

class Keyring;

// Files of personal data sealed at rest (SealStream's format), written and read in chunks, and
// made durable: write() creates the file (0600, refused if it exists) and fsyncs it; reseal()
// rewrites a file under the keyring's current key through a temporary sibling (".reseal-<name>")
// that is fsynced and renamed over it, so a crash at any moment leaves the file whole, under the
// old key or the new one; then the replaced file's content is overwritten with zeros in place
// (its blocks no longer hold the old ciphertext or, for a file from before encryption, plaintext). Files that are not sealed (written before encryption) are read as they
// are. POSIX only. Errors: Io (naming the path: paths hold ids, never personal data),
// InvalidArgument / NotFound from opening (damaged, truncated, unknown key). Any thread.
class SealedFile {
public:
    // The prefix of reseal()'s temporary files (left by a crash; removeLeftovers() deletes them).
    static constexpr const char *kTemporaryPrefix = ".reseal-";

    static Status write(const QString &path, QByteArrayView plain, const Keyring &keyring);
    // The plaintext; a file of more than maxBytes sealed bytes is refused (Io).
    static Result<QByteArray> read(const QString &path, const Keyring *keyring,
                                   qint64 maxBytes = qint64(1) << 31);
    // The key id of a sealed file, nothing for a plain one.
    static Result<std::optional<DataKey::Id>> keyIdOf(const QString &path);
    // Rewrites the file under keyring.current() unless it is sealed with it already (then false).
    static Result<bool> reseal(const QString &path, const Keyring &keyring);
    // Deletes reseal()'s temporary files in a directory; returns how many.
    static int removeLeftovers(const QString &directory);
};

} // namespace mado
