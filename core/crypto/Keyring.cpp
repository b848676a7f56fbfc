#include "core/crypto/Keyring.h"

#include "core/crypto/SealStream.h"

#include <algorithm>
#include <cstring>

namespace mado {

Keyring::Keyring(DataKey current, std::vector<DataKey> older)
{
    m_keys.push_back(std::move(current));
    for (DataKey &key : older) {
        if (!find(key.id()))
            m_keys.push_back(std::move(key));
    }
}

const DataKey *Keyring::find(const DataKey::Id &id) const
{
    const auto found = std::find_if(m_keys.begin(), m_keys.end(), [&](const DataKey &key) { return key.id() == id; });
    return found == m_keys.end() ? nullptr : &*found;
}

QByteArray Keyring::seal(QByteArrayView plain) const
{
    SealingStream stream(current());
    QByteArray out;
    out.reserve(SealingStream::sealedSize(plain.size()));
    out += stream.push(plain);
    out += stream.finish();
    return out;
}

Result<QByteArray> Keyring::open(QByteArrayView sealed) const
{
    OpeningStream stream(*this);
    QByteArray plain;
    plain.reserve(std::max<qsizetype>(0, sealed.size() - SealingStream::kHeaderBytes));
    if (Status pushed = stream.push(sealed, plain); !pushed)
        return pushed.error();
    if (Status finished = stream.finish(plain); !finished)
        return finished.error();
    return plain;
}

bool Keyring::isSealed(QByteArrayView bytes)
{
    return keyIdOf(bytes).has_value();
}

std::optional<DataKey::Id> Keyring::keyIdOf(QByteArrayView bytes)
{
    if (bytes.size() < SealingStream::kPrefixBytes || std::memcmp(bytes.data(), "MDGS", 4) != 0 ||
        static_cast<unsigned char>(bytes[4]) != SealingStream::kVersion)
        return std::nullopt;
    DataKey::Id id{};
    std::memcpy(id.data(), bytes.data() + 5, id.size());
    return id;
}

} // namespace mado
