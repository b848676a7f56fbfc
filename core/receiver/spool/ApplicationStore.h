#pragma once

#include "core/domain/Result.h"
#include "core/domain/CaseBundle.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace mado {

class Keyring;
class Spool;

// The reference an application got, and whether this call stored it or found it stored already
// under the same idempotency key.
struct StoredApplication {
    QString id;
    QString reference;
    bool replay = false;
    bool awaitingSignature = false; // stored with a signature due (application_signatures)
};

// Keeps LIFF applications in the spool: the manifest (case.json of the case bundle, personal data)
// in table applications and the images as files under Spool::filesDirectory()/<application id>/,
// both sealed with the spool's keyring when it has one (SpoolSealing, SealedFile).
// The images are written (and fsynced) into a hidden staging directory (createStaging(), filled by
// the caller while the upload streams in); store() fsyncs it, renames it into place and fsyncs the
// parent, and only then, in one transaction, marks the challenge used and inserts the row
// (sequence, reference, manifest). A crash before the commit leaves at most a
// directory without a row, which recover() removes at start-up; a reader never sees a row without
// its files. Thread-safe (the spool serialises the database; file names are unique per call).
// Errors: Io (disk, SQLite) and the challenge errors of ChallengeStore::consume.
class ApplicationStore {
public:
    explicit ApplicationStore(Spool &spool) : m_spool(spool) {}

    // The application stored for this user and key, if any.
    Result<std::optional<StoredApplication>> findByIdempotencyKey(const QString &userId, const QString &key) const;
    // Creates the empty staging directory of an application (spool files directory/.tmp-<id>).
    Result<QString> createStaging(const QString &applicationId) const;
    QString stagingOf(const QString &applicationId) const;
    // manifest: complete except reference (set here); its files named as in the manifest are in
    // stagingOf(manifest.applicationId), which is moved into place (or removed on failure).
    // signatureDue: the applicant will sign; the application waits for signature.p7s until then.
    Result<StoredApplication> store(const QString &userId, const QString &idempotencyKey, CaseBundle manifest,
                                    const std::optional<QDateTime> &signatureDue = std::nullopt);
    // Removes temporary and orphaned image directories (no row, or a row without manifest).
    // Returns how many were removed. Call before serving.
    Result<int> recover();

    QString directoryOf(const QString &applicationId) const;
    // The spool's keyring (null: kept plain).
    const Keyring *keyring() const;

private:
    Spool &m_spool;
};

} // namespace mado
