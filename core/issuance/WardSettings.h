#pragma once

#include "core/Result.h"

#include <QString>

namespace mado {

class CaseStore;

// The ward-wide settings kept in the case store (table ward_settings, revision 6), so that every
// workstation of the store prints the same: the issuer's title and name on certificates and
// mailing labels (e.g. 「東京都○○区長 ○○ ○○」). Only an admin may change them (PermissionDenied);
// each change is audited ("ward_setting_changed", the key only) in its transaction. Blocking; any
// thread (calling thread's connection).
class WardSettings {
public:
    static constexpr int kMaxIssuerLength = 100;

    explicit WardSettings(CaseStore &store);

    // Empty when no admin has set it yet.
    Result<QString> issuerName();
    // One line of 1..kMaxIssuerLength characters after trimming (InvalidArgument otherwise).
    Status setIssuerName(qint64 adminId, const QString &name);

private:
    Result<QString> value(const QString &name);
    Status setValue(qint64 adminId, const QString &name, const QString &value);

    CaseStore &m_store;
};

} // namespace mado
