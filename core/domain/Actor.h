#pragma once

#include "core/domain/Role.h"

#include <QString>

namespace mado {

// A staff member acting on the store. The store loads it from the users table inside the acting
// transaction (loadActor in core/store/ActorRecord.h; never trusted from the caller), so a role
// change or a disabled account takes effect at once.
struct Actor {
    qint64 id = 0;
    QString login;
    Role role = Role::Clerk;
};

} // namespace mado
