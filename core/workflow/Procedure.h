#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace mado {

// One version of a procedure's policy: which identity methods ("ekyc_face", "jpki_signature")
// an online application for it may use, on which dates, and on what legal basis (Japanese text
// shown to clerks, and the explanation given when an application is held).
struct Procedure {
    QString key; // "juminhyo_copy", "tax_certificate", ...
    int version = 0;
    QString nameJa;
    QStringList acceptedMethods;
    QString legalBasis;
    QString holdExplanation;
    QDate validFrom;
    QDate validUntil; // null: open-ended
    QString changedBy;
    QDateTime changedAt;

    bool validOn(const QDate &date) const { return date >= validFrom && (validUntil.isNull() || date <= validUntil); }
    bool accepts(const QString &method, const QDate &date) const
    {
        return validOn(date) && acceptedMethods.contains(method);
    }
};

} // namespace mado
