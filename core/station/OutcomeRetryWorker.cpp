#include "core/station/OutcomeRetryWorker.h"

#include <QtConcurrent/QtConcurrentRun>

namespace mado {

OutcomeRetryWorker::OutcomeRetryWorker(CaseStore &store, ReceiverClient client, int intervalMs, QObject *parent)
    : QObject(parent), m_store(store), m_client(std::move(client))
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &OutcomeRetryWorker::deliverNow);
    connect(&m_round, &QFutureWatcher<Round>::finished, this, &OutcomeRetryWorker::finishRound);
}

OutcomeRetryWorker::~OutcomeRetryWorker()
{
    stop();
}

void OutcomeRetryWorker::start()
{
    m_timer.start();
    deliverNow();
}

void OutcomeRetryWorker::stop()
{
    m_timer.stop();
    m_round.waitForFinished();
}

void OutcomeRetryWorker::deliverNow()
{
    if (m_round.isRunning()) {
        m_again = true; // new notices may have been queued after this round read the outbox
        return;
    }
    CaseStore *store = &m_store;
    const ReceiverClient *client = &m_client;
    m_round.setFuture(QtConcurrent::run([store, client] {
        Round round;
        auto summary = OutcomeRetry(*store, *client).deliverDue();
        round.ok = summary.ok();
        if (summary)
            round.summary = summary.value();
        else
            round.error = summary.error().message;
        return round;
    }));
}

void OutcomeRetryWorker::finishRound()
{
    const Round round = m_round.result();
    if (m_again && m_timer.isActive()) {
        m_again = false;
        deliverNow();
    }
    if (!round.ok) {
        Q_EMIT failed(round.error);
        return;
    }
    Q_EMIT roundFinished(round.summary.delivered, round.summary.failed, round.summary.pending, round.summary.lastError);
}

} // namespace mado
