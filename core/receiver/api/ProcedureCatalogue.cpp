#include "core/receiver/api/ProcedureCatalogue.h"

#include <QJsonObject>

#include <array>

namespace mado {

namespace {

const char kTaxReasonJa[] = "税務証明のオンライン申請は、本人確認書類と顔写真による本人確認（eKYC）を受け付けていますが、"
                            "区の設定によりこの方法では受け付けていません。窓口で申請してください。";
const char kTaxReasonEn[] = "The ward does not accept a face check for this certificate at present. Please apply at "
                            "the ward office.";

const std::array<ProcedureCatalogue::Entry, 4> kEntries{{
    {"tax_certificate", "課税証明書", "Tax certificate", kTaxReasonJa, kTaxReasonEn},
    {"tax_exemption_certificate", "非課税証明書", "Tax exemption certificate", kTaxReasonJa, kTaxReasonEn},
    {"tax_payment_certificate", "納税証明書", "Tax payment certificate", kTaxReasonJa, kTaxReasonEn},
    {"juminhyo_copy", "住民票の写し", "Copy of residence record (juminhyo)",
     "オンラインでの住民票の写しの請求には、マイナンバーカードによる電子署名（JPKI）が必要です"
     "（住民票省令第22条、2021年9月29日以降）。顔写真による本人確認では交付できません。"
     "マイナポータルから電子署名で申請するか、窓口で申請してください。",
     "An online request for a copy of the residence record needs an electronic signature with the My Number "
     "Card (JPKI) since 29 September 2021; a face check is not enough. Please apply with the card's signature "
     "(Mynaportal) or at the ward office."},
}};

} // namespace

std::optional<ProcedureCatalogue::Entry> ProcedureCatalogue::find(const QString &key)
{
    for (const Entry &entry : kEntries)
        if (key == QLatin1String(entry.key))
            return entry;
    return std::nullopt;
}

QJsonArray ProcedureCatalogue::describe(const LiffOptions &options)
{
    QJsonArray list;
    for (const QString &key : options.procedures) {
        const auto entry = find(key);
        if (!entry)
            continue;
        QJsonObject item{{QStringLiteral("key"), key},
                         {QStringLiteral("nameJa"), QString::fromUtf8(entry->nameJa)},
                         {QStringLiteral("nameEn"), QString::fromUtf8(entry->nameEn)}};
        const bool held = options.faceCheckHeld.contains(key);
        item.insert(QStringLiteral("faceCheck"), held ? QStringLiteral("held") : QStringLiteral("accepted"));
        if (held) {
            item.insert(QStringLiteral("reasonJa"), QString::fromUtf8(entry->heldReasonJa));
            item.insert(QStringLiteral("reasonEn"), QString::fromUtf8(entry->heldReasonEn));
        }
        list.append(item);
    }
    return list;
}

} // namespace mado
