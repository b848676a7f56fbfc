#pragma once

#include "core/domain/Result.h"
#include "core/station/Importer.h"
#include "core/station/ReceiverClient.h"

#include <QObject>
#include <QStringList>
#include <QThread>

#include <atomic>

namespace mado {

class CaseStore;

// Runs Importer rounds on its own thread: a round at start, then every intervalMs (at once again
// when a round leased a full batch). While the receiver cannot be reached (Network error) it
// retries with exponential backoff (baseRetryMs doubling up to maxRetryMs) and says so with
// receiverUnavailable; receiverAvailable follows the first round that worked again. A refusal that
// retrying cannot cure (e.g. Unauthorized) is reported with failed() and stops the rounds.
// Create, connect and start()/stop() on one thread (usually the GUI thread); signals arrive queued.
class ImportWorker : public QObject {
    Q_OBJECT

public:
    struct Options {
        Importer::Options importer;
        int intervalMs = 30000;
        int baseRetryMs = 1000;
        int maxRetryMs = 5 * 60 * 1000;
        bool once = false; // stop after the first round that reached the receiver
    };

    ImportWorker(CaseStore &store, ReceiverClient client, Options options, QObject *parent = nullptr);
    ~ImportWorker() override;

    void start();
    // Waits for a running round (at most the client's timeout per call) and stops the thread.
    void stop();
    bool isRunning() const { return m_thread.isRunning(); }

Q_SIGNALS:
    void progressed(int done, int total);
    void caseImported(qint64 caseId, bool created);
    void roundFinished(int leased, int imported, int duplicates, int failed);
    // Applications given up in the round (Importer: refused maxAttempts times; the receiver told).
    void applicationsAbandoned(const QStringList &references);
    void receiverUnavailable(int attempt, int retryInMs, const QString &message);
    void receiverAvailable();
    void failed(const mado::Error &error);
    void finished(); // after the last round (once, or failed)

private:
    void runRound(); // on m_thread
    void scheduleRound(int delayMs);

    CaseStore &m_store;
    ReceiverClient m_client;
    Options m_options;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread; timers and rounds run in its thread
    int m_attempt = 0;
    std::atomic_bool m_stopping{false};
};

} // namespace mado
