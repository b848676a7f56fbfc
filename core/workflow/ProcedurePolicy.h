#pragma once

#include "core/domain/CaseBundle.h"
#include "core/domain/IdentityMethod.h"
#include "core/domain/Result.h"
#include "core/store/CaseStore.h"
#include "core/workflow/Procedure.h"

#include <QSqlDatabase>

#include <vector>

namespace mado {

// The procedure catalogue with its identity-method policy. Every change inserts a new version
// (old versions stay, so what applied to a case can be looked up) and an audit entry in the same
// transaction; only admins may change it. Read calls use the calling thread's connection.
class ProcedurePolicy {
public:
    struct Evaluation {
        bool accepted = false;
        QString explanation; // Japanese, for the clerk; empty when accepted
        int version = 0;     // the policy version that decided
    };

    static constexpr const char *kEkycFace = identity_method::kEkycFace;
    static constexpr const char *kJpkiSignature = identity_method::kJpkiSignature;

    // The highest version of each procedure, sorted by key.
    static Result<std::vector<Procedure>> current(const QSqlDatabase &db);
    static Result<Procedure> current(const QSqlDatabase &db, const QString &key);
    static Result<std::vector<Procedure>> history(const QSqlDatabase &db, const QString &key);
    // Does the procedure accept `method` for an application received on `date`? The newest version
    // valid on that date decides, so a change with a later start date leaves earlier dates alone.
    static Result<Evaluation> evaluate(const QSqlDatabase &db, const QString &key, const QString &method,
                                       const QDate &date);
    // The hold an imported application gets (CaseStore::storeImportedCase): no reason when its
    // procedure accepts `method` (eKYC-face, or jpki_signature once the importer verified the
    // application's JPKI signature) on the day it was received (JST), else the explanation for the
    // clerk; with the deciding policy version and the method. Read on the calling thread's
    // connection of `store`.
    static Result<CaseStore::ImportHold> importHold(CaseStore &store, const CaseBundle &bundle,
                                                    const QString &method = QString::fromLatin1(kEkycFace));
    // Stores `procedure` as the next version of its key (a new key starts at 1); returns the version.
    static Result<int> change(CaseStore &store, qint64 adminId, const Procedure &procedure);
};

} // namespace mado
