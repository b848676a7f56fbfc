#pragma once

#include "core/domain/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

namespace mado {

// The append-only audit log of the store as a hash chain: every entry stores the SHA-256 of
// (previous entry's hash + the entry's canonical JSON), so editing or deleting a row breaks the
// chain from that row on. append() must run inside the caller's write transaction, so the entry
// commits or rolls back with the change it records. Details must never hold personal data,
// images or descriptors: only ids, codes and counts. On PostgreSQL append() first takes the
// transaction-scoped advisory lock kAppendLock, so concurrent writers on several workstations
// append one after the other and never fork the chain. Calling thread's connection only.
class AuditChain {
public:
    struct Entry {
        qint64 seq = 0;
        QDateTime at;
        QString actor;   // staff login or "system:<component>"
        QString action;  // stable code: login, case_claimed, batch_approved, policy_changed, ...
        QString subject; // "case:12", "batch:3", "user:alice", "procedure:juminhyo_copy"
        QJsonObject detail;
    };

    struct Verification {
        bool ok = true;
        qint64 entries = 0;
        qint64 firstBroken = 0; // seq of the first entry that does not verify (0 when ok)
        QString problem;        // "hash mismatch", "entry missing before it", ...
        QString headHash;       // hash of the last entry: write it down to detect a cut-off tail
    };

    // pg_advisory_xact_lock key that serialises appends on PostgreSQL ("MDGA").
    static constexpr qint64 kAppendLock = 0x4D444741;
    static constexpr const char *kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    static Status append(const QSqlDatabase &db, const Entry &entry);
    static Result<Verification> verify(const QSqlDatabase &db);
    // The bytes hashed for an entry (after the previous hash): compact JSON with sorted keys.
    static QByteArray canonical(const Entry &entry);
    static QString chainHash(const QString &previousHash, const Entry &entry);
};

} // namespace mado
