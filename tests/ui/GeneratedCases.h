#pragma once

#include "core/domain/Result.h"

#include <QString>

namespace mado {
class CaseStore;
}

namespace mado::test {

// Fills a store quickly with queue rows by SQL in one transaction: no images, no face engine and no
// audit entries (these rows exist only to measure and exercise the queue). Case i (1-based, in
// insertion order) has:
//   reference   GEN-<prefix>-<i, 7 digits>
//   procedure   i % 3: 0 tax_certificate, 1 tax_exemption_certificate, 2 tax_payment_certificate
//   state       i % 5 == 0: claimed by `assigneeId`; else verified
//   band        i % 10: 0 mismatch (flags "liveness:flat_photo,match:distance"), 1 review ("match:distance"),
//               else match (no flags)
class GeneratedCases {
public:
    static Status insert(CaseStore &store, int count, qint64 assigneeId, const QString &prefix = QStringLiteral("A"));
};

} // namespace mado::test
