#include "core/jpki/SignerFacts.h"

#include "core/jpki/JpkiProfile.h"
#include "core/crypto/OpenSslTypes.h"

#include <openssl/err.h>

#include <openssl/x509v3.h>

#include <QMap>
#include <QRegularExpression>

namespace mado {

namespace {

Error malformed(const QString &what)
{
    return Error{ErrorCode::BundleInvalid, QStringLiteral("san_malformed: ") + what};
}

} // namespace

Result<SignerFacts> SignerFacts::read(X509 *certificate)
{
    int critical = 0;
    auto *names = static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(certificate, NID_subject_alt_name, &critical, nullptr));
    if (!names) {
        if (critical == -2) // the extension occurs more than once
            return malformed(QStringLiteral("two subjectAltName extensions"));
        return Error{ErrorCode::BundleInvalid, QStringLiteral("san_missing: no subjectAltName")};
    }
    QMap<QString, QString> values;
    QString problem;
    for (int i = 0; problem.isEmpty() && i < sk_GENERAL_NAME_num(names); ++i) {
        const GENERAL_NAME *entry = sk_GENERAL_NAME_value(names, i);
        if (entry->type != GEN_OTHERNAME)
            continue;
        char oid[80] = {};
        if (OBJ_obj2txt(oid, sizeof oid, entry->d.otherName->type_id, 1) <= 0)
            continue;
        const QString key = QString::fromLatin1(oid);
        if (!key.startsWith(QStringLiteral("1.2.392.200149.8.5.5.")))
            continue; // another otherName (kept out of the comparison)
        const ASN1_TYPE *value = entry->d.otherName->value;
        if (!value || value->type != V_ASN1_UTF8STRING) {
            problem = QStringLiteral("%1 is not a UTF8String").arg(key);
            break;
        }
        if (values.contains(key)) {
            problem = QStringLiteral("%1 occurs twice").arg(key);
            break;
        }
        const ASN1_STRING *text = value->value.utf8string;
        values.insert(key, QString::fromUtf8(reinterpret_cast<const char *>(ASN1_STRING_get0_data(text)),
                                             ASN1_STRING_length(text)));
    }
    GENERAL_NAMES_free(names);
    if (!problem.isEmpty())
        return malformed(problem);

    using namespace jpki_profile;
    for (const char *required : {kOidName, kOidDateOfBirth, kOidGender, kOidAddress}) {
        if (!values.contains(QString::fromLatin1(required)))
            return Error{ErrorCode::BundleInvalid,
                         QStringLiteral("san_missing: no %1").arg(QString::fromLatin1(required))};
    }
    SignerFacts facts;
    facts.name = values.value(QString::fromLatin1(kOidName));
    facts.nameSubstitutes = values.value(QString::fromLatin1(kOidNameSubstitutes));
    facts.dateOfBirthCode = values.value(QString::fromLatin1(kOidDateOfBirth));
    facts.gender = values.value(QString::fromLatin1(kOidGender));
    facts.address = values.value(QString::fromLatin1(kOidAddress));
    facts.addressSubstitutes = values.value(QString::fromLatin1(kOidAddressSubstitutes));

    static const QRegularExpression dateCode(QStringLiteral("^[0-5][0-9]{8}$"));
    if (!dateCode.match(facts.dateOfBirthCode).hasMatch())
        return malformed(QStringLiteral("date of birth is not EYYYYMMDD"));
    // A partial or unknown date (e.g. "400000000") stays invalid: the comparison then shows it.
    facts.dateOfBirth = QDate::fromString(facts.dateOfBirthCode.mid(1), QStringLiteral("yyyyMMdd"));
    if (facts.gender != QLatin1String("1") && facts.gender != QLatin1String("2") && facts.gender != QLatin1String("3"))
        return malformed(QStringLiteral("gender is not 1, 2 or 3"));
    if (facts.name.isEmpty() || facts.address.isEmpty())
        return malformed(QStringLiteral("empty name or address"));
    static const QRegularExpression flags(QStringLiteral("^[01]*$"));
    for (const auto &[substitutes, value] : {std::pair{facts.nameSubstitutes, facts.name},
                                             std::pair{facts.addressSubstitutes, facts.address}}) {
        if (substitutes.isEmpty())
            continue;
        // One flag per character (code point) of the value.
        if (!flags.match(substitutes).hasMatch() || substitutes.size() != value.toUcs4().size())
            return malformed(QStringLiteral("substitute-character positions do not fit their value"));
    }
    return facts;
}

Result<SignerFacts> SignerFacts::fromSignature(const QByteArray &cms)
{
    auto input = ossl::memory(cms);
    ossl::Ptr<CMS_ContentInfo> content(d2i_CMS_bio(input.get(), nullptr));
    STACK_OF(CMS_SignerInfo) *signers = content ? CMS_get0_SignerInfos(content.get()) : nullptr;
    if (!signers || sk_CMS_SignerInfo_num(signers) != 1) {
        ERR_clear_error();
        return Error{ErrorCode::BundleInvalid, QStringLiteral("cms_malformed: no single signer")};
    }
    CMS_SignerInfo *signer = sk_CMS_SignerInfo_value(signers, 0);
    ossl::CertStack carried(CMS_get1_certs(content.get()));
    for (int i = 0; carried && i < sk_X509_num(carried.get()); ++i) {
        if (CMS_SignerInfo_cert_cmp(signer, sk_X509_value(carried.get(), i)) == 0)
            return read(sk_X509_value(carried.get(), i));
    }
    ERR_clear_error();
    return Error{ErrorCode::BundleInvalid, QStringLiteral("signer_certificate_missing: not in the CMS")};
}

} // namespace mado
