#pragma once

#include "core/station/OutcomeRetry.h"
#include "core/station/ReceiverClient.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

namespace mado {

// Runs OutcomeRetry::deliverDue on the thread pool every intervalMs (and at once on start() or
// deliverNow()), so the outcome notices queued while the receiver was down reach it when it is
// back. Each notice's own backoff is kept in the store; the timer only looks for due ones. One
// round at a time. Create and use on one thread with an event loop (the GUI thread); the round's
// results arrive there. stop() (or the destructor) waits for a running round.
class OutcomeRetryWorker : public QObject {
    Q_OBJECT

public:
    OutcomeRetryWorker(CaseStore &store, ReceiverClient client, int intervalMs = 30000, QObject *parent = nullptr);
    ~OutcomeRetryWorker() override;

    void start();
    void stop();
    // Starts a round now, or right after the running one.
    void deliverNow();

Q_SIGNALS:
    // After each round: notices delivered and failed in it, undelivered left.
    void roundFinished(int delivered, int failed, int pending, const QString &lastError);
    void failed(const QString &message); // the store could not be read

private:
    // A round's value for the watcher (Result has no default constructor).
    struct Round {
        OutcomeRetry::Summary summary;
        QString error;
        bool ok = false;
    };
    void finishRound();

    CaseStore &m_store;
    ReceiverClient m_client;
    QTimer m_timer;
    QFutureWatcher<Round> m_round;
    bool m_again = false;
};

} // namespace mado
