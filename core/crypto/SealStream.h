#pragma once

#include "core/domain/Result.h"
#include "core/crypto/DataKey.h"

#include <QByteArray>
#include <QByteArrayView>

#include <sodium.h>

#include <optional>

namespace mado {

class Keyring;

// The sealed format of personal data at rest (version 1), written and read piece by piece so that
// a large image never needs two copies in memory:
//   "MDGS" | version 0x01 | key id (8 bytes) | secretstream header (24 bytes) | chunks
// Each chunk is libsodium's crypto_secretstream_xchacha20poly1305 (XChaCha20-Poly1305, 17 bytes of
// overhead) over kChunkBytes of plaintext, the first 13 bytes (magic, version, key id) bound to
// every chunk as additional data; the last chunk (0 to kChunkBytes bytes) carries the FINAL tag,
// so a cut, reordered, dropped, extended or altered stream is refused, as is a key id that was
// changed. Sealing the same bytes twice gives different output (random nonce in the header).

// Seals: the header comes from the first push (or finish); one instance per stream.
class SealingStream {
public:
    static constexpr int kChunkBytes = 64 * 1024;
    static constexpr int kPrefixBytes = 4 + 1 + DataKey::kIdBytes;
    static constexpr int kHeaderBytes = kPrefixBytes + crypto_secretstream_xchacha20poly1305_HEADERBYTES;
    static constexpr int kChunkOverhead = crypto_secretstream_xchacha20poly1305_ABYTES;
    static constexpr unsigned char kVersion = 1;

    explicit SealingStream(const DataKey &key);
    ~SealingStream();
    SealingStream(const SealingStream &) = delete;
    SealingStream &operator=(const SealingStream &) = delete;

    // The sealed bytes for the plaintext so far (whole chunks; the rest waits in a buffer).
    QByteArray push(QByteArrayView plain);
    // The remaining sealed bytes, the last chunk with the FINAL tag. Call once, after the pushes.
    QByteArray finish();

    // The size of the sealed form of plainBytes bytes.
    static qint64 sealedSize(qint64 plainBytes);

private:
    void sealChunk(const unsigned char *plain, int size, unsigned char tag, QByteArray &out);
    QByteArray m_prefix;
    QByteArray m_pending; // plaintext of the chunk being filled (kept in sodium-wiped buffer on finish)
    QByteArray m_header;  // emitted with the first output
    crypto_secretstream_xchacha20poly1305_state m_state;
    bool m_finished = false;
};

// Opens a stream sealed by SealingStream with whichever key of the keyring it names. Errors:
// InvalidArgument (not sealed data, an unknown format version, damaged, truncated or extended),
// NotFound (sealed with a key the keyring does not hold; the message names its id). After an
// error the stream stays failed.
class OpeningStream {
public:
    explicit OpeningStream(const Keyring &keyring);
    ~OpeningStream();
    OpeningStream(const OpeningStream &) = delete;
    OpeningStream &operator=(const OpeningStream &) = delete;

    // Appends the plaintext of the complete chunks among the bytes so far to out.
    Status push(QByteArrayView sealed, QByteArray &out);
    // Appends the last chunk's plaintext; an error if the stream did not end with it.
    Status finish(QByteArray &out);

private:
    Status fail(ErrorCode code, const QString &message);
    Status openChunk(qsizetype size, QByteArray &out);
    const Keyring &m_keyring;
    QByteArray m_buffer;  // sealed bytes not opened yet, from m_offset on
    qsizetype m_offset = 0;
    crypto_secretstream_xchacha20poly1305_state m_state;
    QByteArray m_prefix;
    bool m_started = false;
    bool m_final = false;
    std::optional<Error> m_error;
};

} // namespace mado
