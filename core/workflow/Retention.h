#pragma once

#include "core/domain/Result.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace mado {

class CaseStore;

// Deletes the personal data a closed case no longer needs once the ward's retention period
// (WardSettings::retentionDays, counted from the closing) has passed: the images' bytes (their rows
// stay with role, size and the SHA-256 of the stored and the received bytes), the face hashes, the
// per-image evidence of the verdicts (face boxes, landmarks, card corners, perceptual hashes) and
// the applicant's phone and e-mail (columns and manifest). It keeps the reference, the form needed as
// the request record, the decision with who and when, the batch, the issuance and the audit chain.
//
// A case is closed (docs/store.md, "Retention") when
//   - approved: its certificate was issued (state issued or notified), at issuances.issued_at;
//   - rejected: the supervisor approved the batch with the rejection (state batch_approved or
//     notified), at batches.approved_at;
//   - resubmission requested: the request became final the same way and then either the applicant's
//     resubmission arrived (a later case links to it; at that case's import, not before the batch
//     approval) or WardSettings::resubmissionDays passed since the batch approval.
// Cases in any other state are open and never touched.
//
// Only an admin may run it (PermissionDenied otherwise): it is store maintenance like backups and
// shows no personal data (reference, dates, counts). Everything runs in one write transaction with one
// "case_retention_purged" audit entry per case (reference, decision, who/when, closing, certificate
// number, each image's role and hashes) and one "retention_run" entry; a failure rolls all back.
// After the commit the freed pages are given back to the file system (incremental vacuum, when the
// store has it) and the WAL is checkpointed and truncated, so no deleted byte stays in the store file
// or its -wal (the connections run with secure_delete, which zeroes freed content). Blocking; any
// thread (calling thread's connection). Errors: PermissionDenied, NotFound, Internal, Database.
class Retention {
public:
    enum class ClosedBy { Issued, Rejected, Resubmitted, ResubmissionExpired };

    // One closed case that is (or in a dry run would be) purged.
    struct Item {
        qint64 caseId = 0;
        QString reference;
        QString outcome;
        ClosedBy closedBy = ClosedBy::Issued;
        QDateTime closedAt;
        QDateTime dueAt; // closedAt + retention days
        int images = 0;
        qint64 imageBytes = 0;
        int faceHashes = 0;
        int verdicts = 0;
    };

    struct Report {
        bool dryRun = true;
        int retentionDays = 0;
        int resubmissionDays = 0;
        QDateTime now;
        std::vector<Item> items; // oldest closing first
        // After a real run (all 0 / false in a dry run):
        qint64 fileBytesBefore = 0; // store file + WAL
        qint64 fileBytesAfter = 0;
        bool incrementalVacuum = false; // the store gives freed pages back (auto_vacuum = incremental)
        qint64 freePagesAfter = 0;      // zeroed pages kept in the file (reused by later writes)
        bool walTruncated = false;      // false: another connection was reading; retried at its next checkpoint
    };

    explicit Retention(CaseStore &store);

    // The cases due now (dryRun: only listed, nothing changed and nothing audited).
    Result<Report> run(qint64 adminId, bool dryRun);
    // Converts a store made before incremental auto-vacuum (schema revision 8) with a full VACUUM:
    // needs free disk space of about the store's size and no other program using the store.
    // Admin only; audited as "store_compacted". Returns the file size after.
    Result<qint64> compact(qint64 adminId);

    static QString closedByName(ClosedBy closedBy);

private:
    CaseStore &m_store;
};

} // namespace mado
