#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"
#include "core/store/StoreAddress.h"

#include <QString>

#include <utility>
#include <vector>

namespace mado {

class CaseStore;

// Copies a whole case store into another, empty one: a workstation's SQLite file into the ward's
// PostgreSQL database (the usual move), back again, or between two stores of one kind. Every table
// is copied row by row with its ids (users, cases, images, verdicts, decisions, batches, audit
// chain, register, numbering, issuances, outbox, settings, policy, ...); case images are opened
// with the source's key and sealed again with the target's (each store keeps its own key file,
// StoreKey). The target must be empty (only the shipped policy rows that migrations insert) and at
// the same schema version; a source table this copy does not know is refused, never skipped.
// Everything is written in one transaction on the target and checked before it commits: row counts
// per table equal the source's, the audit chain verifies and ends in the source's head hash, every
// image opens under the target key with its recorded SHA-256. Then one "store_copied" entry is
// appended to the target's chain. Any failure leaves the target as it was. The source is read in
// one snapshot (stop the workstations first: what they write meanwhile is not copied). Both
// stores are opened (and so migrated to the latest revision) like any program opens them.
// Calling thread only; Error{InvalidArgument} for a non-empty target or an unknown table,
// Error{Database} for SQL failures, Error{InvalidState} when the check fails or the source's chain is broken.
class StoreCopy {
public:
    struct Report {
        std::vector<std::pair<QString, qint64>> rows; // per table, copy order, as counted in the target
        qint64 images = 0;                            // images sealed under the target key
        qint64 auditEntries = 0;                      // copied entries (the store_copied entry not counted)
        QString auditHead;                            // head hash of the copied chain (= the source's)
        QString targetKeyFile;                        // the target's image key file
        qint64 milliseconds = 0;
    };

    // The tables copied, in the order that satisfies their foreign keys.
    static QStringList tables();
    static Result<Report> copy(const StoreAddress &from, const StoreAddress &to, const Clock &clock);
    static Result<Report> copy(CaseStore &source, CaseStore &target, const Clock &clock);
};

} // namespace mado
