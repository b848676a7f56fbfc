#pragma once

#include "core/domain/Result.h"
#include "core/domain/CaseBundle.h"
#include "core/domain/CaseRecord.h"
#include "core/domain/Clock.h"
#include "core/domain/IssuanceEntry.h"
#include "core/domain/IdentityMethod.h"
#include "core/domain/RegisterEntry.h"
#include "core/domain/Verdict.h"
#include "core/store/SanitizedImage.h"
#include "core/store/StoreConnections.h"

#include <QMap>

#include <memory>
#include <optional>
#include <vector>

namespace mado {

class Keyring;

// The case store on a SQLite file or a PostgreSQL database (StoreAddress): opens it (migrating to the latest schema, refusing a newer one),
// imports cases, shows them (audited) and counts. Case images are sealed at rest with the store's
// data key (StoreKey: "<store>.key" or $MADOGUCHI_STORE_KEY; created for a store without sealed
// images, required once there are some); images stored before encryption are read as they are. Workflow, users and issuance work on it through
// CaseWorkflow, BatchWorkflow, UserDirectory and CertificateIssuer. Any thread: every call uses the
// calling thread's own connection. Failures are Error{Database|SchemaTooNew|NotFound|...}.
class CaseStore {
public:
    struct ImportResult {
        qint64 caseId = 0;
        bool created = false; // false: the application id was already stored (nothing changed)
        CaseState state = CaseState::Imported;
    };

    // The procedure policy's decision for an imported application (ProcedurePolicy::importHold in
    // core/workflow decides it): reason empty = accepted; policyVersion is audited with the import.
    struct ImportHold {
        QString reason; // Japanese, for the clerk
        int policyVersion = 0;
        // How the applicant proved who they are (core/domain/IdentityMethod.h): jpki_signature
        // when the importer verified the application's JPKI signature.
        QString identityMethod = QString::fromLatin1(identity_method::kEkycFace);
    };

    static constexpr const char *kImporterActor = "system:importer";

    // `location` is a store argument (StoreAddress::parse: a path, sqlite:PATH or postgresql://…);
    // targetVersion < 0 migrates to the latest revision (tests use lower ones).
    static Result<std::unique_ptr<CaseStore>> open(const QString &location, const Clock &clock, int targetVersion = -1);
    static Result<std::unique_ptr<CaseStore>> open(const StoreAddress &address, const Clock &clock,
                                                   int targetVersion = -1);

    StoreConnections &connections() { return m_connections; }
    // Where the store lives (what a second connection, e.g. QueueChanges, opens).
    const StoreAddress &address() const { return m_connections.address(); }
    // The keys that seal and open the case images.
    const Keyring &keyring() const { return *m_keyring; }
    const Clock &clock() const { return m_clock; }

    // Stores one application with its sanitised images (and the verdict, if already computed) in one
    // transaction with its audit entries. Idempotent by bundle.applicationId: a second call returns
    // the existing case id with created = false. The caller decides the procedure policy
    // (ProcedurePolicy::importHold in core/workflow): a hold with a reason holds the case (state
    // "held" once verified) with that explanation; an empty reason leaves hold_reason NULL.
    // An application under the reference of a case that asked for resubmission is linked to it
    // (resubmission_of) and continues its resubmission count, so the cap spans attempts.
    Result<ImportResult> storeImportedCase(const CaseBundle &bundle, const std::vector<SanitizedImage> &images,
                                           const std::optional<Verdict> &verdict, const ImportHold &hold);
    // Workflow columns of a case, without personal data; not audited.
    Result<CaseRecord> caseStatus(qint64 caseId);
    // The case with the applicant's form: appends "case_viewed" for the user to the audit chain.
    Result<CaseRecord> viewCase(qint64 userId, qint64 caseId);
    // The sanitised JPEG of one image role of a case for a user: appends "image_viewed" (faces are
    // personal data). Admins are refused. Gone ("deleted by retention on DATE") once retention has
    // deleted the case's images (CaseRecord::retentionPurgedAt; nothing is audited then).
    Result<QByteArray> viewImage(qint64 userId, qint64 caseId, const QString &role);
    // The same bytes for the verification job, which is no person viewing them: not audited.
    // Never call it to show an image to a user (use viewImage).
    Result<QByteArray> imageForVerification(qint64 caseId, const QString &role);
    // The queue (cases with their verdict summary, filtered and paged) is CaseQueue.
    // The issuance page's cases: approved in an approved batch (ready), held by policy and not yet
    // decided, issued at or after `issuedSince`, and issued ones whose notice is still undelivered.
    // Ready and held first (oldest first), then issued (newest first).
    Result<std::vector<IssuanceEntry>> issuanceList(const QDateTime &issuedSince);
    // The latest verdict of a case, or nothing when it has none yet; not audited (no personal data
    // beyond face coordinates, read with the case view's audited reads).
    Result<std::optional<Verdict>> latestVerdict(qint64 caseId);
    // The register entries with this name and date of birth (0, 1 or several to resolve by hand),
    // by resident code; not audited (the caller has audited the case view they belong to).
    Result<std::vector<RegisterEntry>> registerEntries(const QString &name, const QDate &dateOfBirth);
    // Number of cases per state name, plus "table:<name>" row counts of the main tables.
    Result<QMap<QString, qint64>> statistics();

    // Inserts a verdict row with its summary columns (band, overall, flags). Inside a transaction.
    static Status insertVerdict(const QSqlDatabase &db, qint64 caseId, const Verdict &verdict, const QDateTime &now);

private:
    CaseStore(const StoreAddress &address, const Clock &clock);
    Result<CaseRecord> load(qint64 caseId, bool withApplicant);
    Result<QByteArray> readImage(const QSqlDatabase &db, qint64 caseId, const QString &role) const;
    // Begins a transaction, loads the user (admins refused), runs `read`, audits `action`, commits.
    template <typename T, typename Read>
    Result<T> auditedRead(qint64 userId, qint64 caseId, const QString &action, const QJsonObject &detail, Read read);

    StoreConnections m_connections;
    const Clock &m_clock;
    std::shared_ptr<const Keyring> m_keyring;
};

} // namespace mado
