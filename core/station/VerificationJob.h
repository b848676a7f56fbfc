#pragma once

#include "core/domain/Result.h"
#include "core/domain/Verdict.h"
#include "core/jpki/JpkiTrustStore.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <vector>

namespace mado {

class CaseStore;
class CaseVerifier;

// Runs the face engine on stored cases. verifyImported() takes every case in state "imported",
// rebuilds its bundle from the stored manifest and its sanitised images, runs CaseVerifier, adds
// the replay check across cases and moves it to "verified" (or "held") through CaseWorkflow as
// `userId`. reverify() reruns cases whose latest verdict was made with other thresholds or another
// engine version and stores the new verdict next to the old one (state unchanged, audited).
//
// Replay across cases: the face hashes of every verified case are kept in table face_hashes. A
// selfie frame whose face is within kSameFaceMaxBits of any face (document or frame) of an earlier
// case (lower id), or a document portrait equal to an earlier case's selfie, fails the "replay"
// check with reason "seen_in_case:<reference of the earlier case>".
// A signed application's JPKI signature is checked again (revocation may have changed since the
// import) and becomes the verdict's jpki_signature part and its check "jpki_signature". Two documents are not compared: one
// resident legitimately applies several times with the same card.
// Blocking; one thread at a time (the verifier is single-threaded per instance, the store uses the
// calling thread's connection). Errors: the store's, or the engine's for a case that cannot be read.
class VerificationJob {
public:
    struct Options {
        // Cases to take per call; 0 takes all.
        int limit = 0;
        // The ward's JPKI trust material; nullptr: the ward settings' (JpkiSignatureCheck, cached
        // while the settings and files stay the same).
        std::shared_ptr<const JpkiTrustStore> jpki;
    };
    struct Summary {
        int verified = 0;
        int failed = 0;
        int replayFlagged = 0;
        QStringList errors; // "case <id>: <message>", no personal data
    };
    using Progress = std::function<void(int done, int total, qint64 caseId)>;

    VerificationJob(CaseStore &store, CaseVerifier &verifier, qint64 userId, Options options);
    VerificationJob(CaseStore &store, CaseVerifier &verifier, qint64 userId)
        : VerificationJob(store, verifier, userId, Options{})
    {
    }

    // The verdict of one stored case, with the replay check across cases; stores nothing.
    Result<Verdict> computeVerdict(qint64 caseId);
    // computeVerdict + CaseWorkflow::markVerified + the case's face hashes; the verdict stored.
    Result<Verdict> verifyCase(qint64 caseId);
    Result<Summary> verifyImported(const Progress &progress = {});
    // Cases (verified or later) whose latest verdict used thresholds other than the verifier's or
    // another engine version.
    Result<std::vector<qint64>> staleCases();
    Result<Summary> reverify(const Progress &progress = {});

    // The hashes of a verdict by image role ("document_front", "frame0"...), empty hashes left out.
    static std::vector<std::pair<QString, QString>> faceHashes(const Verdict &verdict);
    // Replaces a passing replay check (or appends one) with the failure when a face of `verdict`
    // was seen in a case stored before caseId (a lower id). Returns the reference of that case, empty if none.
    static Result<QString> applyReplayCheck(const QSqlDatabase &db, qint64 caseId, Verdict &verdict);
    // Stores the face hashes of a case (replacing earlier ones of the same roles). Inside a transaction.
    static Status storeFaceHashes(const QSqlDatabase &db, qint64 caseId, const Verdict &verdict, const QDateTime &now);

    // Adds the JPKI part and check to the verdict of a signed application (no-op when unsigned).
    static void applyJpkiCheck(const JpkiSignatureResult &result, Verdict &verdict);

private:
    Status checkSignature(const CaseBundle &bundle, Verdict &verdict);
    Result<Summary> run(const std::vector<qint64> &cases, bool reverifying, const Progress &progress);
    Status storeReverdict(qint64 caseId, const Verdict &verdict);

    CaseStore &m_store;
    CaseVerifier &m_verifier;
    qint64 m_userId;
    Options m_options;
};

} // namespace mado
