#include "core/workflow/ApplicantReasons.h"

namespace mado {

namespace {

struct Entry {
    const char *code;
    const char *text; // UTF-8
};

// Neutral wording: a suspected fraud is not named as such to the applicant.
const Entry kTexts[] = {
    {"face_mismatch", "本人確認書類の顔写真とご本人の写真が一致することを確認できませんでした。"},
    {"document_invalid", "本人確認書類が有効なもの（有効期限内など）と確認できませんでした。"},
    {"data_mismatch", "お申し込みの内容が住民記録と一致しませんでした。"},
    {"suspected_fraud", "ご本人であることを確認できませんでした。"},
    {"not_eligible", "このお手続きはオンラインではお受けできません。窓口へお問い合わせください。"},
    {"document_unreadable",
     "本人確認書類の写真が読み取れませんでした。書類全体が明るくはっきり写るように撮影してください。"},
    {"selfie_quality", "お顔の写真がぼやけている、暗い、または顔が写りきっていませんでした。"},
    {"head_turn_wrong", "顔の向きを変える動作が案内どおりではありませんでした。"},
    {"other_document_needed",
     "別の顔写真付き本人確認書類（マイナンバーカード、運転免許証など）の写真をお送りください。"},
};

} // namespace

QString ApplicantReasons::text(const QString &reasonCode)
{
    for (const Entry &e : kTexts) {
        if (reasonCode == QLatin1String(e.code))
            return QString::fromUtf8(e.text);
    }
    return QString();
}

} // namespace mado
