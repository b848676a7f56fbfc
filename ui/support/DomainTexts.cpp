#include "ui/support/DomainTexts.h"

#include <QHash>

namespace mado {

QString DomainTexts::state(const QString &key)
{
    const QHash<QString, QString> texts{
        {QStringLiteral("received"), tr("Received")},
        {QStringLiteral("imported"), tr("Imported, not verified")},
        {QStringLiteral("verified"), tr("Verified")},
        {QStringLiteral("held"), tr("Held")},
        {QStringLiteral("claimed"), tr("Claimed")},
        {QStringLiteral("decided"), tr("Decided")},
        {QStringLiteral("batched"), tr("In a batch")},
        {QStringLiteral("returned"), tr("Returned")},
        {QStringLiteral("batch_approved"), tr("Batch approved")},
        {QStringLiteral("issued"), tr("Issued")},
        {QStringLiteral("notified"), tr("Notified")},
    };
    return texts.value(key, key);
}

QString DomainTexts::procedure(const QString &key)
{
    const QHash<QString, QString> texts{
        {QStringLiteral("juminhyo_copy"), tr("Copy of the residence certificate (住民票の写し)")},
        {QStringLiteral("tax_certificate"), tr("Tax certificate (課税証明書)")},
        {QStringLiteral("tax_exemption_certificate"), tr("Tax exemption certificate (非課税証明書)")},
        {QStringLiteral("tax_payment_certificate"), tr("Tax payment certificate (納税証明書)")},
    };
    return texts.value(key, key);
}

QString DomainTexts::band(const QString &key)
{
    const QHash<QString, QString> texts{
        {QStringLiteral("match"), tr("Match")},
        {QStringLiteral("review"), tr("Review")},
        {QStringLiteral("mismatch"), tr("Mismatch")},
    };
    return texts.value(key, key);
}

QString DomainTexts::outcome(const QString &key)
{
    const QHash<QString, QString> texts{
        {QStringLiteral("approved"), tr("Approved")},
        {QStringLiteral("rejected"), tr("Rejected")},
        {QStringLiteral("resubmission_requested"), tr("Resubmission requested")},
    };
    return texts.value(key, key);
}

QStringList DomainTexts::stateKeys()
{
    return {QStringLiteral("received"), QStringLiteral("imported"), QStringLiteral("verified"),
            QStringLiteral("held"),     QStringLiteral("claimed"),  QStringLiteral("decided"),
            QStringLiteral("batched"),  QStringLiteral("returned"), QStringLiteral("batch_approved"),
            QStringLiteral("issued"),   QStringLiteral("notified")};
}

QStringList DomainTexts::procedureKeys()
{
    return {QStringLiteral("juminhyo_copy"), QStringLiteral("tax_certificate"),
            QStringLiteral("tax_exemption_certificate"), QStringLiteral("tax_payment_certificate")};
}

QStringList DomainTexts::bandKeys()
{
    return {QStringLiteral("match"), QStringLiteral("review"), QStringLiteral("mismatch")};
}

} // namespace mado
