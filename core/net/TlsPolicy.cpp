#include "core/net/TlsPolicy.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/IPAddress.h>

#include <openssl/ssl.h>

namespace mado {

bool TlsPolicy::apply(Poco::Net::Context &context, Side side)
{
    context.disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                             Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
    context.requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
    if (SSL_CTX_set_cipher_list(context.sslContext(), kTls12Ciphers) != 1)
        return false;
    if (side == Side::Server)
        context.preferServerCiphers();
    return true;
}

bool TlsPolicy::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QString address = host;
    if (address.startsWith(QLatin1Char('[')) && address.endsWith(QLatin1Char(']')))
        address = address.mid(1, address.size() - 2);
    Poco::Net::IPAddress parsed;
    if (!Poco::Net::IPAddress::tryParse(address.toStdString(), parsed))
        return false;
    // The whole of 127.0.0.0/8 (Poco's isLoopback() names 127.0.0.1 only); for IPv6 ::1.
    if (parsed.family() == Poco::Net::IPAddress::IPv4)
        return static_cast<const unsigned char *>(parsed.addr())[0] == 127;
    return parsed.isLoopback();
}

} // namespace mado
