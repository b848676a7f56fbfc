#pragma once

#include "core/domain/Result.h"
#include "core/domain/Role.h"

#include <QSqlDatabase>
#include <QString>

namespace mado {

// A staff member acting on the store, loaded from the users table inside the acting transaction
// (never trusted from the caller), so a role change or a disabled account takes effect at once.
struct Actor {
    qint64 id = 0;
    QString login;
    Role role = Role::Clerk;

    // NotFound for an unknown id, AccountLocked for a disabled account.
    static Result<Actor> load(const QSqlDatabase &db, qint64 userId);
};

} // namespace mado
