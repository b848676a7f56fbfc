#pragma once

#include "core/domain/Role.h"
#include "core/face/ModelSet.h"
#include "core/station/ImportWorker.h"
#include "core/station/OutcomeRetryWorker.h"

#include <QObject>

#include <memory>

namespace mado {

class BackgroundStatus;
class CaseStore;
class CaseVerifier;

// The workstation's background work: pulls applications from the receiver (ImportWorker, its own
// thread) and verifies newly imported cases with the face engine (one pool thread, its own
// CaseVerifier, loaded there once), and delivers the outcome notices queued while the receiver was
// down (OutcomeRetryWorker, every 30 s, each notice with its own backoff). Progress and problems go
// to the status bar; the GUI thread never waits for the network, the store or the engine.
// Transitions are made as `userId`. The face models are loaded from Options::modelsDirectory (the
// settings page's "Face models directory"), never silently from another place. Only clerks and
// supervisors may verify (the workflow's rule), so in an admin's session applications are neither
// imported nor verified (they would wait unverified): the status bar says so, and only the queued
// outcome notices are delivered. Verification runs through runInBackground. Problems are shown in
// words for their error code (ErrorTexts), core's detail in the tooltip. GUI thread only; stop()
// (or the destructor) waits for the running round to end and ends the work for good.
class BackgroundWork : public QObject {
    Q_OBJECT

public:
    struct Options {
        // Where verification loads the face models from.
        QString modelsDirectory = ModelSet::defaultDirectory();
        // PEM file of the CA certificates trusted for an https:// receiver (a ward's own CA);
        // empty: the system's CA certificates (ReceiverClient's caFile).
        QString receiverCaFile;
    };

    BackgroundWork(CaseStore &store, qint64 userId, Role role, BackgroundStatus &status, Options options,
                   QObject *parent = nullptr);
    ~BackgroundWork() override;

    // Starts pulling from `receiverUrl` with the token (empty URL: verification only). In an admin's
    // session: outcome delivery only.
    void start(const QString &receiverUrl, const QByteArray &token);
    void stop();
    // Delivers the due outcome notices now (on the thread pool), e.g. right after a batch approval.
    void deliverOutcomesNow();

Q_SIGNALS:
    // New cases were imported or verified: the queue should refresh.
    void casesChanged();
    // An import round reached the receiver and ended (`imported` new cases).
    void importRoundFinished(int imported);
    // Applications were given up by the importer (refused repeatedly; the receiver told).
    void importFailuresChanged(const QStringList &references);
    // A verification round ended; `problem` (the text shown) is empty when it ran, else says why
    // not (e.g. the models are missing).
    void verificationFinished(const QString &problem);

private:
    void verifyPending();
    void verified(const Status &status);

    CaseStore &m_store;
    qint64 m_userId;
    Role m_role;
    BackgroundStatus &m_status;
    Options m_options;
    std::unique_ptr<ImportWorker> m_importer;
    std::unique_ptr<OutcomeRetryWorker> m_outcomes;
    std::shared_ptr<CaseVerifier> m_verifier; // created on the pool thread that uses it
    bool m_verifying = false;
    bool m_verifyAgain = false;
};

} // namespace mado
