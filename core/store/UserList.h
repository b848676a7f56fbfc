#pragma once

#include "core/domain/Result.h"
#include "core/domain/Role.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace mado {

class CaseStore;

// One staff account as the administrator's user page lists it. A plain value without secrets
// (no password hash, no failure count).
struct UserAccount {
    qint64 id = 0;
    QString login;
    QString displayName;
    Role role = Role::Clerk;
    bool disabled = false;
    QDateTime lockedUntil; // invalid: never locked out (a past time: the lock-out is over)
};

// Lists the staff accounts of a case store, by login. Managing them is UserDirectory's (audited);
// listing is not audited. Portable SQL, written once here. Any thread: the calling thread's
// connection. Fails with Error{Database}.
class UserList {
public:
    explicit UserList(CaseStore &store) : m_store(store) {}

    Result<std::vector<UserAccount>> all();

private:
    CaseStore &m_store;
};

} // namespace mado
