#include "core/crypto/SealStream.h"

#include "core/crypto/Keyring.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace mado {

namespace {

const char kMagic[4] = {'M', 'D', 'G', 'S'};
constexpr qsizetype kSealedChunk = SealingStream::kChunkBytes + SealingStream::kChunkOverhead;

} // namespace

SealingStream::SealingStream(const DataKey &key)
{
    m_prefix = QByteArray(kMagic, 4);
    m_prefix.append(char(kVersion));
    m_prefix.append(reinterpret_cast<const char *>(key.id().data()), DataKey::kIdBytes);
    QByteArray header(crypto_secretstream_xchacha20poly1305_HEADERBYTES, Qt::Uninitialized);
    crypto_secretstream_xchacha20poly1305_init_push(&m_state, reinterpret_cast<unsigned char *>(header.data()),
                                                    key.bytes());
    m_header = m_prefix + header;
}

SealingStream::~SealingStream()
{
    sodium_memzero(&m_state, sizeof m_state);
    if (!m_pending.isEmpty())
        sodium_memzero(m_pending.data(), std::size_t(m_pending.size()));
}

qint64 SealingStream::sealedSize(qint64 plainBytes)
{
    // Full chunks, then a last one of 0 to kChunkBytes bytes (a full one when the size is a multiple).
    const qint64 chunks = plainBytes == 0 ? 1 : (plainBytes + kChunkBytes - 1) / kChunkBytes;
    return kHeaderBytes + plainBytes + chunks * kChunkOverhead;
}

void SealingStream::sealChunk(const unsigned char *plain, int size, unsigned char tag, QByteArray &out)
{
    const qsizetype at = out.size();
    out.resize(at + size + kChunkOverhead);
    crypto_secretstream_xchacha20poly1305_push(&m_state, reinterpret_cast<unsigned char *>(out.data() + at), nullptr,
                                               plain, std::size_t(size),
                                               reinterpret_cast<const unsigned char *>(m_prefix.constData()),
                                               std::size_t(m_prefix.size()), tag);
}

QByteArray SealingStream::push(QByteArrayView plain)
{
    QByteArray out = std::exchange(m_header, QByteArray());
    qsizetype used = 0;
    // A chunk is sealed only once a byte beyond it exists, so that the last one gets the FINAL tag.
    while (used < plain.size()) {
        if (m_pending.size() == kChunkBytes) {
            sealChunk(reinterpret_cast<const unsigned char *>(m_pending.constData()), kChunkBytes,
                      crypto_secretstream_xchacha20poly1305_TAG_MESSAGE, out);
            sodium_memzero(m_pending.data(), std::size_t(m_pending.size()));
            m_pending.clear();
        }
        const qsizetype take = std::min<qsizetype>(kChunkBytes - m_pending.size(), plain.size() - used);
        m_pending.append(plain.data() + used, take);
        used += take;
    }
    return out;
}

QByteArray SealingStream::finish()
{
    QByteArray out = std::exchange(m_header, QByteArray());
    if (m_finished)
        return out;
    m_finished = true;
    sealChunk(reinterpret_cast<const unsigned char *>(m_pending.constData()), int(m_pending.size()),
              crypto_secretstream_xchacha20poly1305_TAG_FINAL, out);
    if (!m_pending.isEmpty())
        sodium_memzero(m_pending.data(), std::size_t(m_pending.size()));
    m_pending.clear();
    return out;
}

OpeningStream::OpeningStream(const Keyring &keyring) : m_keyring(keyring) {}

OpeningStream::~OpeningStream()
{
    sodium_memzero(&m_state, sizeof m_state);
}

Status OpeningStream::fail(ErrorCode code, const QString &message)
{
    m_error = Error{code, message};
    m_buffer.clear();
    return *m_error;
}

Status OpeningStream::openChunk(qsizetype size, QByteArray &out)
{
    if (m_final)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("sealed data has bytes after its end"));
    const qsizetype plainSize = size - SealingStream::kChunkOverhead;
    const qsizetype at = out.size();
    out.resize(at + plainSize);
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(
            &m_state, reinterpret_cast<unsigned char *>(out.data() + at), nullptr, &tag,
            reinterpret_cast<const unsigned char *>(m_buffer.constData() + m_offset), std::size_t(size),
            reinterpret_cast<const unsigned char *>(m_prefix.constData()), std::size_t(m_prefix.size())) != 0) {
        out.resize(at);
        return fail(ErrorCode::InvalidArgument, QStringLiteral("sealed data is damaged (authentication failed)"));
    }
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL)
        m_final = true;
    else if (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("sealed data has an unexpected chunk"));
    m_offset += size;
    return {};
}

Status OpeningStream::push(QByteArrayView sealed, QByteArray &out)
{
    if (m_error)
        return *m_error;
    m_buffer.append(sealed.data(), sealed.size());
    if (!m_started) {
        if (m_buffer.size() < SealingStream::kHeaderBytes)
            return {};
        const auto id = Keyring::keyIdOf(m_buffer);
        if (!id)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("not sealed data of a known format (version %1 expected)")
                            .arg(int(SealingStream::kVersion)));
        const DataKey *key = m_keyring.find(*id);
        if (!key)
            return fail(ErrorCode::NotFound, QStringLiteral("sealed with key %1, which is not loaded")
                                                 .arg(DataKey::idHex(*id)));
        m_prefix = m_buffer.left(SealingStream::kPrefixBytes);
        if (crypto_secretstream_xchacha20poly1305_init_pull(
                &m_state, reinterpret_cast<const unsigned char *>(m_buffer.constData() + SealingStream::kPrefixBytes),
                key->bytes()) != 0)
            return fail(ErrorCode::InvalidArgument, QStringLiteral("sealed data has a damaged header"));
        m_buffer.remove(0, SealingStream::kHeaderBytes);
        m_started = true;
    }
    // A full-size chunk may be the last one: it is opened when a byte beyond it is there, or at finish.
    while (m_buffer.size() - m_offset > kSealedChunk) {
        if (Status opened = openChunk(kSealedChunk, out); !opened)
            return opened;
    }
    m_buffer.remove(0, m_offset); // one move per push, not one per chunk
    m_offset = 0;
    if (m_final && !m_buffer.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("sealed data has bytes after its end"));
    return {};
}

Status OpeningStream::finish(QByteArray &out)
{
    if (m_error)
        return *m_error;
    if (!m_started)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("sealed data is truncated (no complete header)"));
    if (!m_final) {
        if (m_buffer.size() < SealingStream::kChunkOverhead)
            return fail(ErrorCode::InvalidArgument, QStringLiteral("sealed data is truncated"));
        if (Status opened = openChunk(m_buffer.size(), out); !opened)
            return opened;
        m_buffer.remove(0, m_offset);
        m_offset = 0;
        if (!m_final)
            return fail(ErrorCode::InvalidArgument, QStringLiteral("sealed data is truncated"));
    }
    if (!m_buffer.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("sealed data has bytes after its end"));
    return {};
}

} // namespace mado
