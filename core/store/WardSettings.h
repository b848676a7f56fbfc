#pragma once

#include "core/domain/Result.h"

#include <QString>

namespace mado {

class CaseStore;

// The ward-wide settings kept in the case store (table ward_settings, revision 6), so that every
// workstation of the store works the same: the issuer's title and name on certificates and
// mailing labels (e.g. 「東京都○○区長 ○○ ○○」), and the retention periods (docs/store.md,
// "Retention"). Only an admin may change them (PermissionDenied); each change is audited
// ("ward_setting_changed", the key only) in its transaction. Blocking; any thread (calling
// thread's connection); inside a caller's transaction the reads see that transaction.
class WardSettings {
public:
    static constexpr int kMaxIssuerLength = 100;
    // retention.days: closed cases' images are deleted this many days after the case closed.
    static constexpr int kDefaultRetentionDays = 90;
    static constexpr int kMinRetentionDays = 30;
    static constexpr int kMaxRetentionDays = 3650;
    // retention.resubmission_days: how long an applicant has to resubmit after a resubmission
    // request became final; after that (or once the resubmission arrived) the case is closed.
    static constexpr int kDefaultResubmissionDays = 30;
    static constexpr int kMinResubmissionDays = 1;
    static constexpr int kMaxResubmissionDays = 365;
    static constexpr const char *kRetentionDaysKey = "retention.days";
    static constexpr const char *kResubmissionDaysKey = "retention.resubmission_days";

    // jpki.*: where each workstation finds the ward's JPKI trust material (core/jpki JpkiConfig,
    // docs/admin.md "JPKI signatures"): anchors path, CRL path, accepted policy OIDs (comma-separated),
    // an optional OCSP responder URL and its timeout in seconds.
    static constexpr const char *kJpkiTrustAnchorsKey = "jpki.trust_anchors";
    static constexpr const char *kJpkiCrlsKey = "jpki.crls";
    static constexpr const char *kJpkiPoliciesKey = "jpki.policies";
    static constexpr const char *kJpkiOcspUrlKey = "jpki.ocsp_url";
    static constexpr const char *kJpkiOcspTimeoutKey = "jpki.ocsp_timeout_seconds";

    explicit WardSettings(CaseStore &store);

    // The jpki.* values (empty when unset) and their change (admin only, at most 1000 characters).
    Result<QString> jpkiSetting(const char *key);
    Status setJpkiSetting(qint64 adminId, const char *key, const QString &value);

    // Empty when no admin has set it yet.
    Result<QString> issuerName();
    // One line of 1..kMaxIssuerLength characters after trimming (InvalidArgument otherwise).
    Status setIssuerName(qint64 adminId, const QString &name);
    // The default when no admin has set it; Internal when the stored text is not a number in range.
    Result<int> retentionDays();
    Result<int> resubmissionDays();
    // InvalidArgument outside [kMin..., kMax...].
    Status setRetentionDays(qint64 adminId, int days);
    Status setResubmissionDays(qint64 adminId, int days);

private:
    Result<QString> value(const QString &name);
    Status setValue(qint64 adminId, const QString &name, const QString &value);
    Result<int> days(const char *key, int defaultDays, int minDays, int maxDays);
    Status setDays(qint64 adminId, const char *key, int days, int minDays, int maxDays);

    CaseStore &m_store;
};

} // namespace mado
