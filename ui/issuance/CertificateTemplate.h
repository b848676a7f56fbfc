#pragma once

#include "core/domain/Result.h"
#include "core/issuance/CertificateData.h"

#include <QDate>
#include <QMap>
#include <QString>

namespace mado {

// Fills the certificate and mailing-label HTML templates (resources/templates, embedded under
// :/templates/) with the data of an issued case. Every value is HTML-escaped. Dates are written
// in the Japanese era (令和8年11月20日); the issuance date is the JST date. With `specimen` the page
// carries a 見本/SPECIMEN mark (the demo and tests); the tax certificate has no tax figures in the
// store yet, so it can only be produced as a specimen (InvalidArgument otherwise). Pure functions;
// any thread.
class CertificateTemplate {
public:
    struct Options {
        bool specimen = true;
        // The issuer (CertificateData::issuerName: stored with the issuance, or the ward's current
        // setting for a preview); this specimen issuer when none is set.
        QString issuerName = QStringLiteral("見本区長　見本 一郎");
    };

    static Result<QString> certificateHtml(const CertificateData &data, const Options &options);
    static Result<QString> mailingLabelHtml(const CertificateData &data, const Options &options);

    // "令和8年11月20日"; Meiji dates and earlier are written in the Western calendar.
    static QString warekiDate(const QDate &date);
    // Replaces {{key}} by the escaped value; unknown placeholders are left out (empty).
    static QString fill(const QString &templateText, const QMap<QString, QString> &values,
                        const QMap<QString, QString> &rawMarkup = {});
    static Result<QString> load(const QString &name);

private:
    static QMap<QString, QString> commonValues(const CertificateData &data, const Options &options);
};

} // namespace mado
