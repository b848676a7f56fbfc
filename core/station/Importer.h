#pragma once

#include "core/domain/Result.h"
#include "core/domain/CaseBundle.h"
#include "core/jpki/JpkiTrustStore.h"
#include "core/image/ImageLimits.h"
#include "core/store/CaseStore.h"
#include "core/store/SanitizedImage.h"
#include "core/station/ReceiverClient.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace mado {

// Imports applications from the receiver into the case store, in three steps that tests (and a
// crash) can separate: fetch (download the bundle transfer, unpack it into a private temporary
// directory (0700, removed before fetch returns), validate it with CaseBundleReader and sanitise
// every image with ImageSanitizer), store (a signed application's JPKI signature is verified
// (JpkiVerifier, against the register entries of the form's name and birth date) and, when it is
// ok, the identity method is jpki_signature; the procedure policy decides the hold for that
// method, ProcedurePolicy::importHold; then one transaction, CaseStore::storeImportedCase, a no-op for
// an application already stored) and acknowledge (the receiver deletes its personal data).
// A crash between store and acknowledge leaves the application leased; once the lease expires it is
// leased again, the store step finds it and the ack follows. Blocking; one thread at a time per
// instance (the store uses that thread's connection). Errors are the client's (Network: retry
// later), BundleInvalid / image errors of a bad bundle, or the store's.
// A bad bundle is not retried forever: runOnce counts each refusal that is the application's own
// (ImportFailures::isApplicationFault) and after maxAttempts gives it up: the receiver is told
// (ReceiverClient::reportFailed; it deletes the personal data and asks the resident to apply
// again) and the failure stays listed for IT (madoguchi-cli import --failures, the status bar).
class Importer {
public:
    struct Options {
        int leaseCount = 10;
        int leaseSeconds = 600;
        ImageLimits limits;
        QString tempRoot; // parent of the private temporary directories; empty: the system's temp dir
        int maxAttempts = 3; // refusals of one application before it is given up
        // The ward's JPKI trust material for signed applications; nullptr: the ward settings'
        // (JpkiSignatureCheck, cached while the settings and files stay the same).
        std::shared_ptr<const JpkiTrustStore> jpki;
    };
    struct Fetched {
        CaseBundle bundle;
        std::vector<SanitizedImage> images;
    };
    struct RoundResult {
        int leased = 0;
        int imported = 0;   // new cases
        int duplicates = 0; // already stored (acknowledged again)
        int failed = 0;     // left leased; the receiver offers them again after the lease
        int abandoned = 0;  // of the failed: given up and reported to the receiver in this round
        QStringList errors; // one line per failure, without personal data
        QStringList abandonedReferences;
    };
    // done, total, the case (0 when it failed), created
    using Progress = std::function<void(int done, int total, qint64 caseId, bool created)>;

    Importer(CaseStore &store, const ReceiverClient &client, Options options);
    Importer(CaseStore &store, const ReceiverClient &client) : Importer(store, client, Options{}) {}

    // Reads an unpacked bundle directory (CaseBundleReader) and sanitizes its images; fetch's
    // second half, also used by `madoguchi-cli demo import`. Any thread.
    static Result<Fetched> readDirectory(const QString &directory, const ImageLimits &limits = {});
    Result<Fetched> fetch(const QString &applicationId) const;
    Result<CaseStore::ImportResult> store(const Fetched &fetched);
    Status acknowledge(const QString &applicationId) const;
    // fetch + store + acknowledge.
    Result<CaseStore::ImportResult> importOne(const QString &applicationId);
    // Leases up to leaseCount applications and imports each. Fails only when the lease call fails;
    // a failed application is counted and the round goes on.
    Result<RoundResult> runOnce(const Progress &progress = {});

    const Options &options() const { return m_options; }

private:
    // Counts a refusal of the application and gives it up after maxAttempts; true if given up.
    bool countFailure(const ReceiverClient::Lease &lease, const Error &error);

    // The identity method of a fetched application and, when its signature fails, why (Japanese).
    std::pair<QString, QString> identityMethod(const CaseBundle &bundle);

    CaseStore &m_store;
    const ReceiverClient &m_client;
    Options m_options;
};

} // namespace mado
