#include "core/crypto/OpenSslTypes.h"

#include <QTimeZone>

#include <openssl/bn.h>
#include <openssl/err.h>


namespace mado::ossl {

QDateTime toDateTime(const ASN1_TIME *time)
{
    struct tm tm = {};
    if (!time || ASN1_TIME_to_tm(time, &tm) != 1)
        return {};
    // toUTC(): the spec Qt::UTC on Qt 6.4 too (there QTimeZone::utc() is a zone, printed "+00:00").
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec),
                     QTimeZone::utc())
        .toUTC();
}

QString nameText(const X509_NAME *name)
{
    Ptr<BIO> out(BIO_new(BIO_s_mem()));
    if (!out || X509_NAME_print_ex(out.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(out.get(), &data);
    return QString::fromUtf8(data, qsizetype(size));
}

QString serialText(const X509 *certificate)
{
    BIGNUM *number = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nullptr);
    if (!number)
        return {};
    char *hex = BN_bn2hex(number);
    const QString text = hex ? QString::fromLatin1(hex) : QString();
    OPENSSL_free(hex);
    BN_free(number);
    return text;
}

QString lastError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return QStringLiteral("unknown OpenSSL error");
    char text[256] = {};
    ERR_error_string_n(code, text, sizeof text);
    return QString::fromLatin1(text);
}

} // namespace mado::ossl
