#include "ui/issuance/IssuancePreview.h"

#include "core/issuance/CertificateData.h"
#include "core/store/CaseStore.h"
#include "core/store/OutcomeOutbox.h"
#include "core/station/IssuanceService.h"
#include "ui/issuance/CertificateTemplate.h"

namespace mado {

IssuancePreview IssuancePreview::load(CaseStore &store, qint64 userId, qint64 caseId, const QString &numberPlaceholder)
{
    IssuancePreview p;
    p.caseId = caseId;
    // The page shows personal data (register entry, address): the viewing is audited.
    auto record = store.viewCase(userId, caseId);
    if (!record) {
        p.problem = record.error();
        return p;
    }
    p.reference = record.value().reference;
    p.state = record.value().state;
    p.issued = p.state == CaseState::Issued || p.state == CaseState::Notified;
    Result<CertificateData> data = Error{ErrorCode::Internal, QString()};
    if (p.issued) {
        data = CertificateData::load(store, caseId);
        auto pending = OutcomeOutbox(store).isPending(caseId, QStringLiteral("issued"));
        p.notifyPending = pending.ok() && pending.value();
    } else {
        // Only the check: no receiver is needed to ask whether the case may be issued.
        const Status allowed = IssuanceService(store, nullptr).issuable(caseId);
        p.issuable = allowed.ok();
        if (!allowed)
            p.refusal = allowed.error();
        data = CertificateData::preview(store, caseId);
        if (data)
            data.value().certificateNumber = numberPlaceholder;
    }
    if (!data) {
        p.problem = data.error();
        return p;
    }
    p.certificateNumber = p.issued ? data.value().certificateNumber : QString();
    CertificateTemplate::Options options;
    // An issued certificate's issuer is the one stored with its issuance (a later change of the
    // ward setting does not alter it); a preview shows the ward's current setting. The template's
    // specimen issuer when none was set.
    if (!data.value().issuerName.isEmpty())
        options.issuerName = data.value().issuerName;
    // Before issuance the page is only a preview; the tax certificate has no figures yet (specimen only).
    options.specimen = !p.issued || data.value().procedure == QLatin1String("tax_certificate");
    auto certificate = CertificateTemplate::certificateHtml(data.value(), options);
    auto label = CertificateTemplate::mailingLabelHtml(data.value(), options);
    if (!certificate || !label) {
        p.problem = !certificate ? certificate.error() : label.error();
        return p;
    }
    p.certificateHtml = certificate.value();
    p.labelHtml = label.value();
    return p;
}

} // namespace mado
