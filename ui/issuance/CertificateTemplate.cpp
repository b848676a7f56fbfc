#include "ui/issuance/CertificateTemplate.h"

#include <QFile>
#include <QRegularExpression>
#include <QTimeZone>

namespace mado {

namespace {

const char *const kSpecimenMarkup =
    "<div class=\"specimen-band\">見本 / SPECIMEN — この証明書は見本であり、効力を有しません</div>"
    "<div class=\"specimen\">見本 SPECIMEN</div>";
const char *const kSpecimenBand = "<div class=\"specimen-band\">見本 / SPECIMEN</div>";

} // namespace

QString CertificateTemplate::warekiDate(const QDate &date)
{
    if (!date.isValid())
        return QString();
    struct Era {
        QDate start;
        const char *name;
    };
    static const Era eras[] = {{QDate(2019, 5, 1), "令和"},
                               {QDate(1989, 1, 8), "平成"},
                               {QDate(1926, 12, 25), "昭和"},
                               {QDate(1912, 7, 30), "大正"}};
    for (const Era &era : eras) {
        if (date >= era.start) {
            const int year = date.year() - era.start.year() + 1;
            const QString yearText = year == 1 ? QStringLiteral("元") : QString::number(year);
            return QString::fromUtf8(era.name) + yearText +
                   QStringLiteral("年%1月%2日").arg(date.month()).arg(date.day());
        }
    }
    return QStringLiteral("%1年%2月%3日").arg(date.year()).arg(date.month()).arg(date.day());
}

QString CertificateTemplate::fill(const QString &templateText, const QMap<QString, QString> &values,
                                  const QMap<QString, QString> &rawMarkup)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{\\{([A-Za-z]+)\\}\\}"));
    QString out;
    out.reserve(templateText.size() + 1024);
    qsizetype last = 0;
    auto it = placeholder.globalMatch(templateText);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(templateText).mid(last, m.capturedStart() - last);
        const QString key = m.captured(1);
        if (rawMarkup.contains(key))
            out += rawMarkup.value(key);
        else
            out += values.value(key).toHtmlEscaped();
        last = m.capturedEnd();
    }
    out += QStringView(templateText).mid(last);
    return out;
}

Result<QString> CertificateTemplate::load(const QString &name)
{
    QFile file(QStringLiteral(":/templates/%1.html").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound, QStringLiteral("no certificate template %1").arg(name)};
    return QString::fromUtf8(file.readAll());
}

QMap<QString, QString> CertificateTemplate::commonValues(const CertificateData &data, const Options &options)
{
    const QDate issued = data.issuedAt.toTimeZone(QTimeZone(9 * 3600)).date();
    return {{QStringLiteral("certificateNumber"), data.certificateNumber},
            {QStringLiteral("reference"), data.reference},
            {QStringLiteral("name"), data.name},
            {QStringLiteral("kana"), data.kana},
            {QStringLiteral("dateOfBirth"), warekiDate(data.dateOfBirth)},
            {QStringLiteral("residentCode"), data.residentCode},
            {QStringLiteral("copies"), QString::number(data.copies)},
            {QStringLiteral("issuedDate"), warekiDate(issued)},
            {QStringLiteral("issuerName"), options.issuerName}};
}

Result<QString> CertificateTemplate::certificateHtml(const CertificateData &data, const Options &options)
{
    const bool tax = data.procedure == QLatin1String("tax_certificate");
    if (!tax && data.procedure != QLatin1String("juminhyo_copy"))
        return Error{ErrorCode::InvalidArgument, QStringLiteral("no certificate template for %1").arg(data.procedure)};
    if (tax && !options.specimen)
        return Error{
            ErrorCode::InvalidArgument,
            QStringLiteral("tax figures are not in the store yet: the tax certificate exists as a specimen only")};
    auto text = load(data.procedure);
    if (!text)
        return text.error();
    QMap<QString, QString> values = commonValues(data, options);
    // The certificate shows the registered address (the register's, not the form's).
    values.insert(QStringLiteral("postalCode"), data.registeredAddress.postalCode);
    values.insert(QStringLiteral("prefecture"), data.registeredAddress.prefecture);
    values.insert(QStringLiteral("city"), data.registeredAddress.city);
    values.insert(QStringLiteral("addressLine"), data.registeredAddress.line);
    if (tax) {
        const QDate issued = data.issuedAt.toTimeZone(QTimeZone(9 * 3600)).date();
        // The latest tax year with assessments: the fiscal year starting in June of the issuing year.
        const int taxYear = issued.month() >= 6 ? issued.year() : issued.year() - 1;
        values.insert(QStringLiteral("taxYear"),
                      warekiDate(QDate(taxYear, 6, 1)).section(QStringLiteral("年"), 0, 0) + QStringLiteral("年"));
        values.insert(QStringLiteral("income"), QStringLiteral("（見本）"));
        values.insert(QStringLiteral("municipalTax"), QStringLiteral("（見本）"));
        values.insert(QStringLiteral("prefecturalTax"), QStringLiteral("（見本）"));
        values.insert(QStringLiteral("amountNote"),
                      QStringLiteral("見本：課税台帳との連携は未実装のため金額欄は表示していません。"));
    }
    QMap<QString, QString> raw;
    raw.insert(QStringLiteral("specimenMarkup"), options.specimen ? QString::fromUtf8(kSpecimenMarkup) : QString());
    return fill(text.value(), values, raw);
}

Result<QString> CertificateTemplate::mailingLabelHtml(const CertificateData &data, const Options &options)
{
    auto text = load(QStringLiteral("mailing_label"));
    if (!text)
        return text.error();
    QMap<QString, QString> values = commonValues(data, options);
    // Mailed to the address recorded at issuance, which is the registered one, never the form's.
    values.insert(QStringLiteral("postalCode"), data.mailTo.postalCode);
    values.insert(QStringLiteral("prefecture"), data.mailTo.prefecture);
    values.insert(QStringLiteral("city"), data.mailTo.city);
    values.insert(QStringLiteral("addressLine"), data.mailTo.line);
    QMap<QString, QString> raw;
    raw.insert(QStringLiteral("specimenBand"), options.specimen ? QString::fromUtf8(kSpecimenBand) : QString());
    return fill(text.value(), values, raw);
}

} // namespace mado
