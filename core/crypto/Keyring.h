#pragma once

#include "core/domain/Result.h"
#include "core/crypto/DataKey.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>
#include <vector>

namespace mado {

// The data keys a process holds: the current one, which seals everything new, and older ones
// (during a key rotation) that only open what they sealed. seal()/open() work on whole blobs in
// memory (a manifest, an image of a few MB) with the streamed format of SealStream; anything that
// is not in that format is recognised by isSealed() (a JPEG or JSON never starts with its magic),
// so stores written before encryption can be told apart and read as they are. Immutable, any thread.
class Keyring {
public:
    explicit Keyring(DataKey current, std::vector<DataKey> older = {});

    const DataKey &current() const { return m_keys.front(); }
    // The key with this id, or null.
    const DataKey *find(const DataKey::Id &id) const;
    const std::vector<DataKey> &keys() const { return m_keys; }

    QByteArray seal(QByteArrayView plain) const;
    // Errors as OpeningStream's.
    Result<QByteArray> open(QByteArrayView sealed) const;

    // True if bytes start like sealed data (magic and a known version).
    static bool isSealed(QByteArrayView bytes);
    // The key id in the header of sealed data, if bytes start with one.
    static std::optional<DataKey::Id> keyIdOf(QByteArrayView bytes);

private:
    std::vector<DataKey> m_keys;
};

} // namespace mado
