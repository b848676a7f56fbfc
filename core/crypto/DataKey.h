#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <memory>

namespace mado {

// One 256-bit data key that seals personal data at rest (see Keyring, SealStream), and its key id:
// the first 8 bytes of a keyed BLAKE2b of a fixed label, so sealed data names the key that opens
// it without revealing anything about the key. A key file holds exactly the 32 raw key bytes
// (`head -c 32 /dev/urandom`). Loading a key file checks its owner and mode first (KeyFileCheck);
// a key from systemd's credential store ($CREDENTIALS_DIRECTORY/<name>, LoadCredential=) is checked
// the same way. The bytes live in memory locked out of swap where the system allows it and are
// wiped when the last copy goes. Copies share the bytes; immutable, any thread.
// Errors: InvalidArgument (missing, unsafe or malformed key file), Io (cannot write a new one).
class DataKey {
public:
    static constexpr int kBytes = 32;
    static constexpr int kIdBytes = 8;
    using Id = std::array<unsigned char, kIdBytes>;

    // A fresh random key.
    static DataKey generate();
    // Exactly kBytes bytes.
    static Result<DataKey> fromBytes(const QByteArray &raw);
    // setting names the configuration key or option for messages ("spool.key_file").
    static Result<DataKey> loadFile(const QString &path, const QString &setting);
    // $CREDENTIALS_DIRECTORY/name (systemd); an error that says so when the variable is not set.
    static Result<DataKey> loadCredential(const QString &name, const QString &setting);
    // Writes a fresh key into a new file (mode 0600, refused if the path exists), fsynced.
    static Result<DataKey> createFile(const QString &path);

    const Id &id() const { return m_id; }
    QString idHex() const;
    static QString idHex(const Id &id);
    const unsigned char *bytes() const;

private:
    struct Secret;
    DataKey() = default;
    std::shared_ptr<const Secret> m_secret;
    Id m_id{};
};

} // namespace mado
