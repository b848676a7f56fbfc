#include "core/receiver/line/LineSignature.h"

#include <openssl/evp.h>

#include <array>
#include <cstring>
#include <string>

namespace mado {

namespace {

constexpr std::size_t kBlock = 64;  // SHA-256 block
constexpr std::size_t kDigest = 32; // SHA-256 digest
constexpr std::size_t kBase64 = 44; // padded Base64 of 32 bytes

struct ContextFree {
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};
using Context = std::unique_ptr<EVP_MD_CTX, ContextFree>;

Context newContext()
{
    return Context(EVP_MD_CTX_new());
}

bool constantTimeEquals(const char *a, std::size_t aSize, const char *b, std::size_t bSize)
{
    if (aSize != bSize)
        return false;
    // volatile keeps the compiler from turning the loop into an early-exit comparison.
    volatile unsigned char diff = 0;
    for (std::size_t i = 0; i < aSize; ++i)
        diff = diff | static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

// Padded standard Base64 of the 32-byte digest.
std::array<char, kBase64> base64(const unsigned char *digest)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::array<char, kBase64> out{};
    std::size_t o = 0;
    std::size_t i = 0;
    for (; i + 3 <= kDigest; i += 3) {
        const unsigned v = unsigned(digest[i]) << 16 | unsigned(digest[i + 1]) << 8 | unsigned(digest[i + 2]);
        out[o++] = alphabet[v >> 18 & 63];
        out[o++] = alphabet[v >> 12 & 63];
        out[o++] = alphabet[v >> 6 & 63];
        out[o++] = alphabet[v & 63];
    }
    // 32 = 30 + 2: two bytes left, one '=' of padding.
    const unsigned v = unsigned(digest[i]) << 16 | unsigned(digest[i + 1]) << 8;
    out[o++] = alphabet[v >> 18 & 63];
    out[o++] = alphabet[v >> 12 & 63];
    out[o++] = alphabet[v >> 6 & 63];
    out[o++] = '=';
    return out;
}

} // namespace

struct LineSignature::Key::Contexts {
    Context inner; // SHA-256 after (key ^ ipad)
    Context outer; // SHA-256 after (key ^ opad)
};

LineSignature::Key::Key(const QByteArray &channelSecret) : m_emptySecret(channelSecret.isEmpty())
{
    unsigned char key[kBlock] = {};
    if (std::size_t(channelSecret.size()) > kBlock) {
        unsigned int length = 0;
        EVP_Digest(channelSecret.constData(), std::size_t(channelSecret.size()), key, &length, EVP_sha256(), nullptr);
    } else {
        std::memcpy(key, channelSecret.constData(), std::size_t(channelSecret.size()));
    }
    unsigned char ipad[kBlock];
    unsigned char opad[kBlock];
    for (std::size_t i = 0; i < kBlock; ++i) {
        ipad[i] = key[i] ^ 0x36;
        opad[i] = key[i] ^ 0x5c;
    }
    auto contexts = std::make_unique<Contexts>(Contexts{newContext(), newContext()});
    if (!contexts->inner || !contexts->outer ||
        EVP_DigestInit_ex(contexts->inner.get(), EVP_sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(contexts->inner.get(), ipad, kBlock) != 1 ||
        EVP_DigestInit_ex(contexts->outer.get(), EVP_sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(contexts->outer.get(), opad, kBlock) != 1)
        return; // nothing verifies
    m_contexts = std::move(contexts);
}

LineSignature::Key::~Key() = default;

QByteArray LineSignature::Key::compute(const char *body, std::size_t size) const
{
    if (!m_contexts)
        return {};
    // One working context per thread, reused: copying the prepared state allocates nothing.
    thread_local Context work = newContext();
    unsigned char digest[kDigest];
    unsigned int length = 0;
    if (!work || EVP_MD_CTX_copy_ex(work.get(), m_contexts->inner.get()) != 1 ||
        EVP_DigestUpdate(work.get(), body, size) != 1 || EVP_DigestFinal_ex(work.get(), digest, &length) != 1 ||
        length != kDigest || EVP_MD_CTX_copy_ex(work.get(), m_contexts->outer.get()) != 1 ||
        EVP_DigestUpdate(work.get(), digest, kDigest) != 1 || EVP_DigestFinal_ex(work.get(), digest, &length) != 1 ||
        length != kDigest)
        return {};
    const auto text = base64(digest);
    return QByteArray(text.data(), qsizetype(text.size()));
}

bool LineSignature::Key::verify(const char *body, std::size_t size, const char *signatureHeader,
                                std::size_t headerSize) const
{
    if (!m_contexts || m_emptySecret || headerSize == 0)
        return false;
    const QByteArray expected = compute(body, size);
    if (expected.isEmpty())
        return false;
    // The canonical padded Base64 of a digest is unique, so comparing the text is a strict check.
    return constantTimeEquals(expected.constData(), std::size_t(expected.size()), signatureHeader, headerSize);
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
