#include "core/station/ImportWorker.h"

#include "core/store/CaseStore.h"

#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

namespace mado {

ImportWorker::ImportWorker(CaseStore &store, ReceiverClient client, Options options, QObject *parent)
    : QObject(parent), m_store(store), m_client(std::move(client)), m_options(std::move(options))
{
    m_thread.setObjectName(QStringLiteral("mado-import"));
}

ImportWorker::~ImportWorker()
{
    stop();
}

void ImportWorker::start()
{
    if (m_thread.isRunning())
        return;
    m_stopping = false;
    m_attempt = 0;
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_context, [this] { runRound(); }, Qt::QueuedConnection);
}

void ImportWorker::stop()
{
    if (!m_thread.isRunning())
        return;
    m_stopping = true;
    // The store connection belongs to the worker thread: close it there before the thread ends.
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            m_store.connections().closeForThisThread();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
    m_context = nullptr;
}

void ImportWorker::scheduleRound(int delayMs)
{
    QTimer::singleShot(delayMs, m_context, [this] { runRound(); });
}

void ImportWorker::runRound()
{
    if (m_stopping)
        return;
    Importer importer(m_store, m_client, m_options.importer);
    auto round = importer.runOnce([this](int done, int total, qint64 caseId, bool created) {
        Q_EMIT progressed(done, total);
        if (caseId > 0)
            Q_EMIT caseImported(caseId, created);
    });
    if (!round) {
        const Error &error = round.error();
        if (error.code != ErrorCode::Network) {
            Q_EMIT failed(error);
            Q_EMIT finished();
            return;
        }
        ++m_attempt;
        const qint64 exponential = qint64(m_options.baseRetryMs) << std::min(m_attempt - 1, 20);
        const int capped = int(std::min<qint64>(exponential, m_options.maxRetryMs));
        // Up to a quarter less, so that several workstations do not retry in step.
        const int delay = capped - int(QRandomGenerator::global()->bounded(capped / 4 + 1));
        Q_EMIT receiverUnavailable(m_attempt, delay, error.message);
        scheduleRound(delay);
        return;
    }
    if (m_attempt > 0) {
        m_attempt = 0;
        Q_EMIT receiverAvailable();
    }
    const Importer::RoundResult &r = round.value();
    Q_EMIT roundFinished(r.leased, r.imported, r.duplicates, r.failed);
    if (!r.abandonedReferences.isEmpty())
        Q_EMIT applicationsAbandoned(r.abandonedReferences);
    if (m_options.once) {
        Q_EMIT finished();
        return;
    }
    // A full batch suggests more are waiting.
    scheduleRound(r.leased >= m_options.importer.leaseCount && r.failed == 0 ? 0 : m_options.intervalMs);
}

} // namespace mado
