#pragma once

#include "core/domain/Result.h"
#include "core/store/ActorRecord.h"
#include "core/store/CaseStore.h"
#include "core/store/SqlTransaction.h"

#include <QSqlDatabase>
#include <QString>

#include <utility>

namespace mado {

// A store write done on behalf of a user: in one transaction on the calling thread's connection,
// the actor is loaded and must pass allowed(actor) (else PermissionDenied with refusal); then
// write(db, actor) runs and the transaction commits only if it succeeded. write returns a Status
// or a Result<T>, and so does writeAsActor.
template <typename Allowed, typename Write>
auto writeAsActor(CaseStore &store, qint64 actorId, Allowed allowed, const QString &refusal, Write write)
    -> decltype(write(std::declval<QSqlDatabase &>(), std::declval<const Actor &>()))
{
    using R = decltype(write(std::declval<QSqlDatabase &>(), std::declval<const Actor &>()));
    auto db = store.connections().database();
    if (!db)
        return R(db.error());
    SqlTransaction transaction(db.value());
    if (!transaction.begun().ok())
        return R(transaction.begun().error());
    auto actor = loadActor(db.value(), actorId);
    if (!actor)
        return R(actor.error());
    if (!allowed(actor.value()))
        return R(Error{ErrorCode::PermissionDenied, refusal});
    R result = write(db.value(), actor.value());
    if (!result.ok())
        return result;
    if (Status committed = transaction.commit(); !committed)
        return R(committed.error());
    return result;
}

// The usual check: only an admin.
inline bool isAdmin(const Actor &actor)
{
    return actor.role == Role::Admin;
}

} // namespace mado
