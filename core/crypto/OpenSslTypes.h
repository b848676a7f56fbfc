#pragma once

#include "core/domain/Result.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/x509.h>

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>

namespace mado::ossl {

// Owning pointers for the OpenSSL objects core/crypto (DetachedSignature) and core/jpki use, and
// the few conversions they need (in mado_crypto so that core/jpki, above it, shares them).
struct Free {
    void operator()(BIO *p) const { BIO_free(p); }
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(X509_CRL *p) const { X509_CRL_free(p); }
    void operator()(X509_STORE *p) const { X509_STORE_free(p); }
    void operator()(X509_STORE_CTX *p) const { X509_STORE_CTX_free(p); }
    void operator()(CMS_ContentInfo *p) const { CMS_ContentInfo_free(p); }
    void operator()(STACK_OF(X509) *p) const { sk_X509_pop_free(p, X509_free); }
};
template <class T>
using Ptr = std::unique_ptr<T, Free>;
using CertStack = std::unique_ptr<STACK_OF(X509), Free>;

// A read-only memory BIO over `bytes` (which must outlive it).
inline Ptr<BIO> memory(const QByteArray &bytes)
{
    return Ptr<BIO>(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
}

// UTC; invalid when the time cannot be read.
QDateTime toDateTime(const ASN1_TIME *time);
// The distinguished name as RFC 2253 text, UTF-8 kept.
QString nameText(const X509_NAME *name);
// Upper-case hex.
QString serialText(const X509 *certificate);
// The first error of OpenSSL's error queue (clearing the queue), for logs without personal data.
QString lastError();

} // namespace mado::ossl
