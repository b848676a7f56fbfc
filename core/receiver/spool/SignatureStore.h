#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace mado {

class Spool;

// The receiver's half of a JPKI-signed application (issue 14), for applications stored with a
// signature due (table application_signatures): the exact bytes the applicant signs (the
// canonical manifest, CanonicalManifest: case.json without its signature entry, RFC 8785), and
// the upload of signature.p7s over them. attach() checks the signature's form and that it
// verifies over exactly those bytes (DetachedSignature; trust is the workstation's question),
// stores the file (sealed like the photos) in the application's directory, adds the manifest's
// signature entry {file, sha256} and marks it signed, after which WorkstationStore leases it.
// Only the applicant's own application (userId), only while it waits and before its due time.
// Errors: NotFound (no such application of this user, or none that is signed), Conflict
// (already signed), Gone (too late: due_at passed), InvalidArgument from DetachedSignature (a
// code first). Thread-safe (the spool's lock).
class SignatureStore {
public:
    explicit SignatureStore(Spool &spool) : m_spool(spool) {}

    Result<QByteArray> manifestToSign(const QString &applicationId, const QString &userId,
                                      const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    Status attach(const QString &applicationId, const QString &userId, const QByteArray &der,
                  const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    struct Waiting {
        QByteArray manifestJson; // opened
        QByteArray canonical;
    };
    Result<Waiting> waiting(const QString &applicationId, const QString &userId, const QDateTime &now) const;

    Spool &m_spool;
};

} // namespace mado
