#include "ui/support/BackgroundWork.h"

#include "core/face/CaseVerifier.h"
#include "core/store/CaseStore.h"
#include "core/station/VerificationJob.h"
#include "ui/support/Background.h"
#include "ui/support/BackgroundStatus.h"
#include "ui/support/ErrorTexts.h"

#include <QDir>
#include <QMetaObject>
#include <QThreadPool>

namespace mado {

BackgroundWork::BackgroundWork(CaseStore &store, qint64 userId, Role role, BackgroundStatus &status, Options options,
                               QObject *parent)
    : QObject(parent), m_store(store), m_userId(userId), m_role(role), m_status(status), m_options(std::move(options))
{
}

BackgroundWork::~BackgroundWork()
{
    stop();
}

void BackgroundWork::start(const QString &receiverUrl, const QByteArray &token)
{
    const bool casework = m_role != Role::Admin;
    if (!casework)
        m_status.showMessage(tr("Applications are not imported or verified in an administrator's session; "
                                "sign in as a clerk or supervisor for that."));
    if (casework && !receiverUrl.isEmpty() && !token.isEmpty() && !m_importer) {
        ImportWorker::Options options;
        options.intervalMs = 15000;
        m_importer = std::make_unique<ImportWorker>(
            m_store, ReceiverClient(receiverUrl, token, 15000, m_options.receiverCaFile), options);
        connect(m_importer.get(), &ImportWorker::progressed, this, [this](int done, int total) {
            m_status.showProgress(tr("Importing applications from the receiver"), done, total);
        });
        connect(m_importer.get(), &ImportWorker::receiverUnavailable, this,
                [this](int attempt, int retryInMs, const QString &) {
                    m_status.showProgress(tr("The receiver cannot be reached (attempt %1); retrying in %2 s")
                                              .arg(attempt)
                                              .arg(retryInMs / 1000),
                                          0, 0);
                });
        connect(m_importer.get(), &ImportWorker::roundFinished, this, [this](int, int imported, int, int) {
            if (imported > 0)
                Q_EMIT casesChanged();
            Q_EMIT importRoundFinished(imported);
            verifyPending();
        });
        connect(m_importer.get(), &ImportWorker::applicationsAbandoned, this, [this](const QStringList &references) {
            m_status.showImportFailures(references);
            Q_EMIT importFailuresChanged(references);
        });
        connect(m_importer.get(), &ImportWorker::failed, this, [this](const Error &error) {
            m_status.showProblem(ErrorTexts::failure(tr("Import stopped"), error), ErrorTexts::details(error));
        });
        m_importer->start();
    }
    if (!receiverUrl.isEmpty() && !token.isEmpty() && !m_outcomes) {
        m_outcomes = std::make_unique<OutcomeRetryWorker>(
            m_store, ReceiverClient(receiverUrl, token, 15000, m_options.receiverCaFile));
        connect(m_outcomes.get(), &OutcomeRetryWorker::roundFinished, this,
                [this](int delivered, int failed, int pending, const QString &) {
                    if (failed > 0)
                        m_status.showProgress(
                            tr("Outcome notices waiting for the receiver: %1; retrying later").arg(pending), 0, 0);
                    if (delivered > 0)
                        Q_EMIT casesChanged();
                });
        connect(m_outcomes.get(), &OutcomeRetryWorker::failed, this, [this](const QString &message) {
            // OutcomeRetryWorker reports only that the store could not be read, as text.
            const Error error{ErrorCode::Database, message};
            m_status.showProblem(ErrorTexts::failure(tr("Outcome notices could not be read"), error),
                                 ErrorTexts::details(error));
        });
        m_outcomes->start();
    }
    if (casework)
        verifyPending();
}

void BackgroundWork::stop()
{
    if (m_importer)
        m_importer->stop();
    if (m_outcomes)
        m_outcomes->stop();
    BackgroundJobs::of(this).waitForAll();
}

void BackgroundWork::deliverOutcomesNow()
{
    if (m_outcomes)
        m_outcomes->deliverNow();
}

void BackgroundWork::verifyPending()
{
    if (m_role == Role::Admin)
        return;
    if (m_verifying) {
        m_verifyAgain = true;
        return;
    }
    m_verifying = true;
    m_status.showProgress(tr("Verifying faces of new applications"), 0, 0);
    // The verifier (models, about 0.5 s) is loaded on first use, on the pool thread; stop() waits
    // for the job, so the member it fills outlives it.
    std::shared_ptr<CaseVerifier> &verifier = m_verifier;
    CaseStore &store = m_store;
    const qint64 userId = m_userId;
    BackgroundStatus *status = &m_status;
    const QString modelsDirectory = m_options.modelsDirectory;
    const QString progressText = tr("Verifying faces of new applications");
    runInBackground(
        this,
        [&verifier, &store, userId, status, modelsDirectory, progressText]() -> Status {
            if (!verifier) {
                auto thresholds = FaceThresholds::shipped();
                if (!thresholds)
                    return thresholds.error();
                auto loaded = CaseVerifier::load(ModelSet(modelsDirectory), thresholds.value());
                if (!loaded)
                    return loaded.error();
                verifier = std::shared_ptr<CaseVerifier>(std::move(loaded).value());
            }
            VerificationJob job(store, *verifier, userId);
            // The engine runs its parallel work on a pool of its own (CaseVerifier), but a round
            // takes minutes: give this thread's slot of the global pool back meanwhile, so that
            // cases being opened (CaseLoader) and other reads still find a free thread.
            QThreadPool::globalInstance()->releaseThread();
            auto summary = job.verifyImported([status, progressText](int done, int total, qint64) {
                QMetaObject::invokeMethod(status, "showProgress", Qt::QueuedConnection, Q_ARG(QString, progressText),
                                          Q_ARG(int, done), Q_ARG(int, total));
            });
            QThreadPool::globalInstance()->reserveThread();
            QMetaObject::invokeMethod(status, "showProgress", Qt::QueuedConnection, Q_ARG(QString, QString()),
                                      Q_ARG(int, 1), Q_ARG(int, 1));
            if (!summary)
                return summary.error();
            return Status();
        },
        [this](const Status &result) { verified(result); });
}

void BackgroundWork::verified(const Status &status)
{
    m_verifying = false;
    QString problem;
    if (!status) {
        const Error &error = status.error();
        const bool models = error.code == ErrorCode::ModelMissing || error.code == ErrorCode::ModelCorrupt;
        problem = models ? tr("Face verification cannot run: %1 (face models directory: %2)")
                               .arg(ErrorTexts::text(error), QDir::toNativeSeparators(m_options.modelsDirectory))
                         : ErrorTexts::failure(tr("Face verification stopped"), error);
        m_status.showProblem(problem, ErrorTexts::details(error));
    }
    Q_EMIT casesChanged();
    Q_EMIT verificationFinished(problem);
    if (m_verifyAgain) {
        m_verifyAgain = false;
        verifyPending();
    }
}

} // namespace mado
