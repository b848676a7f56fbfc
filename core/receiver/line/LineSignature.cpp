#include "core/receiver/line/LineSignature.h"

#include <sodium.h>

namespace mado {

namespace {

constexpr std::size_t kBase64 = sodium_base64_ENCODED_LEN(crypto_auth_hmacsha256_BYTES,
                                                          sodium_base64_VARIANT_ORIGINAL); // with the NUL

} // namespace

struct LineSignature::Key::State {
    crypto_auth_hmacsha256_state keyed; // after the key: copied for every body
};

LineSignature::Key::Key(const QByteArray &channelSecret) : m_emptySecret(channelSecret.isEmpty())
{
    // sodium_init() is thread-safe and may be called repeatedly; 1 means "already initialised".
    if (sodium_init() < 0)
        return; // nothing verifies
    auto state = std::make_unique<State>();
    crypto_auth_hmacsha256_init(&state->keyed, reinterpret_cast<const unsigned char *>(channelSecret.constData()),
                                std::size_t(channelSecret.size()));
    m_state = std::move(state);
}

LineSignature::Key::~Key()
{
    if (m_state)
        sodium_memzero(m_state.get(), sizeof(State));
}

QByteArray LineSignature::Key::compute(const char *body, std::size_t size) const
{
    if (!m_state)
        return {};
    // Copying the prepared state allocates nothing and leaves it for the next body.
    crypto_auth_hmacsha256_state work = m_state->keyed;
    unsigned char digest[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_update(&work, reinterpret_cast<const unsigned char *>(body), size);
    crypto_auth_hmacsha256_final(&work, digest);
    char text[kBase64];
    sodium_bin2base64(text, sizeof text, digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL);
    return QByteArray(text, qsizetype(kBase64 - 1));
}

bool LineSignature::Key::verify(const char *body, std::size_t size, const char *signatureHeader,
                                std::size_t headerSize) const
{
    if (!m_state || m_emptySecret || headerSize == 0)
        return false;
    const QByteArray expected = compute(body, size);
    // The canonical padded Base64 of a digest is unique, so comparing the text is a strict check.
    // The length is public (always 44); the bytes are compared in constant time.
    if (expected.isEmpty() || std::size_t(expected.size()) != headerSize)
        return false;
    return sodium_memcmp(expected.constData(), signatureHeader, headerSize) == 0;
}

QByteArray LineSignature::compute(const QByteArray &channelSecret, const QByteArray &body)
{
    return Key(channelSecret).compute(body.constData(), std::size_t(body.size()));
}

bool LineSignature::verify(const QByteArray &channelSecret, const QByteArray &body, const QByteArray &signatureHeader)
{
    if (channelSecret.isEmpty() || signatureHeader.isEmpty())
        return false;
    return Key(channelSecret)
        .verify(body.constData(), std::size_t(body.size()), signatureHeader.constData(),
                std::size_t(signatureHeader.size()));
}

} // namespace mado
