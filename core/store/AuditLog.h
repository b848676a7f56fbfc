#pragma once

#include "core/domain/Result.h"
#include "core/store/AuditChain.h"

#include <limits>
#include <vector>

namespace mado {

class CaseStore;

// One page of the audit log, newest entry first, and whether older entries follow.
struct AuditPage {
    std::vector<AuditChain::Entry> entries;
    bool more = false;
};

// Reading the audit chain of a case store for people (the audit page): pages of entries, newest
// first, keyset-paged on seq, and the verification of the whole chain. Appending stays with
// AuditChain inside the writers' transactions. Reading the log is not itself audited (entries hold
// no personal data). Portable SQL, written once here. Any thread: the calling thread's connection.
// Fails with Error{Database}.
class AuditLog {
public:
    static constexpr int kDefaultPageSize = 500;

    explicit AuditLog(CaseStore &store) : m_store(store) {}

    // Up to `limit` entries with seq below `beforeSeq`, descending by seq.
    Result<AuditPage> page(qint64 beforeSeq = std::numeric_limits<qint64>::max(), int limit = kDefaultPageSize);
    // AuditChain::verify over the whole chain of this store.
    Result<AuditChain::Verification> verify();

private:
    CaseStore &m_store;
};

} // namespace mado
