#pragma once

#include "core/domain/Actor.h"
#include "core/domain/Result.h"

#include <QSqlDatabase>

namespace mado {

// Loads the Actor with `userId` from the users table on `db` (call it inside the acting
// transaction). NotFound for an unknown id, AccountLocked for a disabled account.
Result<Actor> loadActor(const QSqlDatabase &db, qint64 userId);

} // namespace mado
