#include "ApplicantTestKit.h"

#include "tests/support/ImageFiles.h"

namespace mado {

QMap<QString, QString> ApplicantTestKit::fields(const QString &nonce)
{
    return {{QStringLiteral("procedure"), QStringLiteral("juminhyo_copy")},
            {QStringLiteral("name"), QStringLiteral("見本 花子")},
            {QStringLiteral("kana"), QStringLiteral("ミホン ハナコ")},
            {QStringLiteral("dateOfBirth"), QStringLiteral("1985-07-15")},
            {QStringLiteral("postalCode"), QStringLiteral("100-0001")},
            {QStringLiteral("prefecture"), QStringLiteral("東京都")},
            {QStringLiteral("city"), QStringLiteral("見本区")},
            {QStringLiteral("line"), QStringLiteral("見本町1-2-3")},
            {QStringLiteral("phone"), QStringLiteral("03-0000-0000")},
            {QStringLiteral("copies"), QStringLiteral("2")},
            {QStringLiteral("documentType"), QStringLiteral("my_number_card")},
            {QStringLiteral("challenge"), nonce}};
}

QByteArray ApplicantTestKit::smallJpeg()
{
    static const QByteArray bytes = test::faceFreeJpeg(96, 72);
    return bytes;
}

QByteArray ApplicantTestKit::smallPng()
{
    static const QByteArray bytes = test::faceFreePng(96, 72);
    return bytes;
}

QMap<QString, QByteArray> ApplicantTestKit::images()
{
    return {{QStringLiteral("document_front"), smallJpeg()},
            {QStringLiteral("frame0"), smallJpeg()},
            {QStringLiteral("frame1"), smallPng()},
            {QStringLiteral("frame2"), smallJpeg()},
            {QStringLiteral("frame3"), smallJpeg()}};
}

MultipartBody ApplicantTestKit::body(const QMap<QString, QString> &fields, const QMap<QString, QByteArray> &images)
{
    MultipartBody body;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!it.value().isNull())
            body.addField(it.key(), it.value());
    }
    for (auto it = images.begin(); it != images.end(); ++it) {
        if (!it.value().isNull())
            body.addFile(it.key(), it.value());
    }
    return body;
}

} // namespace mado
