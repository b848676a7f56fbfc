#include "core/intake/LineSignature.h"

#include <Poco/HMACEngine.h>
#include <Poco/SHA2Engine.h>

#include <string>

namespace mado {

namespace {

// Poco 1.11's SHA2Engine lacks the BLOCK_SIZE/DIGEST_SIZE constants HMACEngine needs.
class Sha256Engine : public Poco::SHA2Engine {
public:
    enum { BLOCK_SIZE = 64, DIGEST_SIZE = 32 };
    Sha256Engine() : Poco::SHA2Engine(Poco::SHA2Engine::SHA_256) {}
};

QByteArray hmacSha256(const QByteArray &key, const QByteArray &body)
{
    Poco::HMACEngine<Sha256Engine> hmac(key.constData(), std::size_t(key.size()));
    hmac.update(body.constData(), std::size_t(body.size()));
    const Poco::DigestEngine::Digest &digest = hmac.digest();
    return QByteArray(reinterpret_cast<const char *>(digest.data()), qsizetype(digest.size()));
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    // volatile keeps the compiler from turning the loop into an early-exit comparison.
    volatile unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff = diff | static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

QByteArray LineSignature::compute(const QByteArray &channelSecret, const QByteArray &body)
{
    return hmacSha256(channelSecret, body).toBase64();
}

bool LineSignature::verify(const QByteArray &channelSecret, const QByteArray &body, const QByteArray &signatureHeader)
{
    if (channelSecret.isEmpty() || signatureHeader.isEmpty())
        return false;
    // The canonical padded Base64 of a digest is unique, so comparing the text is a strict check.
    return constantTimeEquals(compute(channelSecret, body), signatureHeader);
}

} // namespace mado
