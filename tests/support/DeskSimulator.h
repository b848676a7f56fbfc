#pragma once

#include "core/domain/QueueEntry.h"
#include "core/domain/Result.h"
#include "core/domain/SystemClock.h"
#include "core/store/CaseStore.h"
#include "core/station/ReceiverClient.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <random>
#include <vector>

namespace mado::test {

// One workstation of the multi-process test (tests/store/TestSeveralWorkstations): a real process
// (madoguchi-desksim) with its own store connections that imports from the receiver on loopback
// and works the shared queue as one supervisor, through core's real classes only: Importer (lease,
// bundle, store, ack), CaseWorkflow (verify with a fixed "match" verdict: the face engine is not
// under test here; claim a case picked from CaseQueue's verified page; decide), BatchWorkflow
// (submit its own decisions in batches; try to approve each own batch once, which four eyes must
// refuse; approve other supervisors' batches), CertificateIssuer (issue every batch-approved case
// it finds). Losing a race (Conflict, InvalidState) is normal and counted; any other error is
// "unexpected". Stops when the store holds `expected` issued cases, or at the deadline.
class DeskSimulator {
public:
    struct Options {
        QString store;
        QString receiverUrl;
        QByteArray token;
        QString login;
        QString password;
        int expected = 0;
        int deadlineSeconds = 300;
        int batchSize = 25; // approvals re-check the password (Argon2id): fewer, larger batches
        unsigned seed = 1;
    };

    explicit DeskSimulator(Options options);
    // Runs until done; 0 when every issued case is in and nothing unexpected happened.
    int run();
    // What this workstation did (printed as one JSON line by the program).
    QJsonObject summary() const;

private:
    bool importRound();
    // The first `limit` cases of the queue in `state` (empty after an unexpected error).
    std::vector<QueueEntry> casesIn(const QString &state, int limit);
    bool claimAndDecide();
    bool submitOwn(bool evenIfSmall);
    bool approveOthers();
    bool issueReady();
    Result<bool> done();
    void unexpected(const QString &what, const Error &error);
    static bool lostRace(const Error &error);

    Options m_options;
    SystemClock m_clock;
    std::unique_ptr<CaseStore> m_store;
    std::unique_ptr<ReceiverClient> m_client;
    qint64 m_userId = 0;
    std::mt19937 m_random;
    QList<qint64> m_decided; // decided by this workstation, not yet batched
    QSet<qint64> m_ownBatches;
    QElapsedTimer m_lastEmptyLease;
    QJsonObject m_counts;
    QStringList m_errors;
};

} // namespace mado::test
