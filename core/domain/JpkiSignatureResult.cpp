#include "core/domain/JpkiSignatureResult.h"

#include <QJsonArray>

#include <array>

namespace mado {

namespace {

struct StatusName {
    JpkiStatus status;
    const char *name;
};
constexpr std::array<StatusName, 7> kStatuses{{{JpkiStatus::Ok, "ok"},
                                               {JpkiStatus::Invalid, "invalid"},
                                               {JpkiStatus::Untrusted, "untrusted"},
                                               {JpkiStatus::Revoked, "revoked"},
                                               {JpkiStatus::RevocationUnknown, "revocation_unknown"},
                                               {JpkiStatus::Expired, "expired"},
                                               {JpkiStatus::SubjectDiffers, "subject_differs"}}};

struct ReasonText {
    const char *code;
    const char *ja;
    const char *en;
};
// Every reason code JpkiVerifier produces.
constexpr ReasonText kReasons[] = {
    {"ok", "署名は有効です（公的個人認証）。", "The JPKI signature is valid."},
    {"not_signed", "申請に電子署名がありません。", "The application carries no signature."},
    {"not_configured", "公的個人認証の信頼点が設定されていません。", "No JPKI trust anchors are configured."},
    {"cms_malformed", "署名データ（CMS）の形式が正しくありません。", "The signature (CMS) is malformed."},
    {"cms_not_detached", "署名データが分離署名ではありません。", "The signature is not a detached signature."},
    {"cms_signer_count", "署名者がちょうど1名ではありません。", "The signature does not have exactly one signer."},
    {"cms_digest_not_sha256", "署名のハッシュ関数が SHA-256 ではありません。", "The signature's digest is not SHA-256."},
    {"cms_signature_invalid", "署名が申請内容と一致しません（申請内容の改ざんの可能性）。",
     "The signature does not match the application (the application may have been altered)."},
    {"signer_certificate_missing", "署名者の証明書が署名データにありません。", "The signer's certificate is missing."},
    {"signing_time_missing", "署名日時がありません。", "The signature has no signing time."},
    {"signing_time_outside_window", "署名日時が申請の受付時間外です。",
     "The signing time is outside the application's challenge window."},
    {"chain_untrusted", "署名者の証明書が設定された信頼点につながりません。",
     "The signer's certificate does not chain to a configured trust anchor."},
    {"key_usage", "証明書の鍵用途が署名用（否認防止）ではありません。",
     "The certificate's key usage is not for signing (nonRepudiation)."},
    {"policy", "証明書ポリシーが署名用電子証明書のものではありません。",
     "The certificate policy is not the one of a JPKI signing certificate."},
    {"key_too_small", "鍵長が 2048 ビット未満です。", "The key is shorter than 2048 bits."},
    {"certificate_expired", "署名用電子証明書の有効期間外です。", "The signing certificate is not within its validity."},
    {"revoked", "署名用電子証明書は失効しています。", "The signing certificate is revoked."},
    {"crl_missing", "失効リスト（CRL）がなく、失効確認ができません。", "No CRL for the issuer: revocation unknown."},
    {"crl_stale", "失効リスト（CRL）の次回更新日時を過ぎています。失効確認ができません。",
     "The CRL is past its nextUpdate: revocation unknown."},
    {"ocsp_unreachable", "OCSP レスポンダから時間内に応答がなく、失効確認ができません。",
     "The OCSP responder did not answer in time: revocation unknown."},
    {"ocsp_invalid", "OCSP レスポンダの応答を検証できません。失効確認ができません。",
     "The OCSP responder's answer cannot be verified: revocation unknown."},
    {"ocsp_unknown", "OCSP レスポンダがこの証明書を知りません。失効確認ができません。",
     "The OCSP responder does not know the certificate: revocation unknown."},
    {"ocsp_stale", "OCSP レスポンダの応答が古いか未来の日時です。失効確認ができません。",
     "The OCSP answer is outdated or from the future: revocation unknown."},
    {"crl_invalid", "失効リスト（CRL）の署名を検証できません。", "The CRL's signature cannot be verified."},
    {"san_malformed", "証明書の基本4情報の形式が正しくありません。",
     "The certificate's basic four facts are malformed."},
    {"san_missing", "証明書に基本4情報がありません。", "The certificate does not hold the basic four facts."},
    {"subject_differs", "証明書の基本4情報が申請内容または住民記録と異なります。",
     "The certificate's facts differ from the form or the resident register."},
};

} // namespace

QString jpkiStatusName(JpkiStatus status)
{
    for (const auto &entry : kStatuses)
        if (entry.status == status)
            return QString::fromLatin1(entry.name);
    return {};
}

std::optional<JpkiStatus> jpkiStatusFromName(const QString &name)
{
    for (const auto &entry : kStatuses)
        if (name == QLatin1String(entry.name))
            return entry.status;
    return std::nullopt;
}

QString JpkiSignatureResult::reasonJa(const QString &reason)
{
    for (const auto &entry : kReasons)
        if (reason == QLatin1String(entry.code))
            return QString::fromUtf8(entry.ja);
    return reason;
}

QString JpkiSignatureResult::reasonEn(const QString &reason)
{
    for (const auto &entry : kReasons)
        if (reason == QLatin1String(entry.code))
            return QString::fromUtf8(entry.en);
    return reason;
}

namespace {

QString time(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime parse(const QJsonValue &v)
{
    return v.toString().isEmpty() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

} // namespace

QJsonObject JpkiSignatureResult::toJson() const
{
    return QJsonObject{{QStringLiteral("status"), jpkiStatusName(status)},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("differences"), QJsonArray::fromStringList(differences)},
                       {QStringLiteral("serial"), serial},
                       {QStringLiteral("issuer"), issuer},
                       {QStringLiteral("notBefore"), time(notBefore)},
                       {QStringLiteral("notAfter"), time(notAfter)},
                       {QStringLiteral("signingTime"), time(signingTime)},
                       {QStringLiteral("revocationSource"), revocationSource},
                       {QStringLiteral("revocationLocation"), revocationLocation},
                       {QStringLiteral("revocationCheckedAt"), time(revocationCheckedAt)},
                       {QStringLiteral("crlNextUpdate"), time(crlNextUpdate)},
                       {QStringLiteral("verifiedAt"), time(verifiedAt)}};
}

JpkiSignatureResult JpkiSignatureResult::fromJson(const QJsonObject &json)
{
    JpkiSignatureResult r;
    r.status = jpkiStatusFromName(json.value(QStringLiteral("status")).toString()).value_or(JpkiStatus::Invalid);
    r.reason = json.value(QStringLiteral("reason")).toString();
    for (const QJsonValue &d : json.value(QStringLiteral("differences")).toArray())
        r.differences << d.toString();
    r.serial = json.value(QStringLiteral("serial")).toString();
    r.issuer = json.value(QStringLiteral("issuer")).toString();
    r.notBefore = parse(json.value(QStringLiteral("notBefore")));
    r.notAfter = parse(json.value(QStringLiteral("notAfter")));
    r.signingTime = parse(json.value(QStringLiteral("signingTime")));
    r.revocationSource = json.value(QStringLiteral("revocationSource")).toString();
    r.revocationLocation = json.value(QStringLiteral("revocationLocation")).toString();
    r.revocationCheckedAt = parse(json.value(QStringLiteral("revocationCheckedAt")));
    r.crlNextUpdate = parse(json.value(QStringLiteral("crlNextUpdate")));
    r.verifiedAt = parse(json.value(QStringLiteral("verifiedAt")));
    return r;
}

} // namespace mado
