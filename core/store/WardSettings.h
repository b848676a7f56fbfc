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

    explicit WardSettings(CaseStore &store);

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
