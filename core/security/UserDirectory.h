#pragma once

#include "core/Result.h"
#include "core/domain/Role.h"
#include "core/security/SecurityOptions.h"
#include "core/security/Session.h"

#include <QString>

namespace mado {

class CaseStore;

// Staff accounts in the case store: add, disable, change password, log in and out. Every change,
// login, failed login and logout is appended to the audit chain in the same transaction. After
// maxFailedLogins consecutive failures an account locks for lockoutSeconds. Only admins manage
// accounts (except that everyone may change their own password). Any thread.
class UserDirectory {
public:
    UserDirectory(CaseStore &store, SecurityOptions options = {});

    // Creates the first admin of an empty store; AlreadyExists once any user exists.
    Result<qint64> bootstrapAdmin(const QString &login, const QString &displayName, const QString &password);
    Result<qint64> addUser(qint64 adminId, const QString &login, const QString &displayName, Role role,
                           const QString &password);
    Status disableUser(qint64 adminId, const QString &login);
    Status setPassword(qint64 actorId, const QString &login, const QString &newPassword);
    // AuthenticationFailed (wrong login or password) or AccountLocked (disabled, or locked out).
    Result<Session> login(const QString &login, const QString &password);
    Status logout(const Session &session);
    // Checks the password of a logged-in user again (idle unlock, batch approval); failures count
    // towards the lock-out like failed logins.
    Status reauthenticate(qint64 userId, const QString &password);
    // The id of a login, or NotFound.
    Result<qint64> userId(const QString &login);

private:
    Status checkPassword(const QString &password) const;
    // Checks the password with lock-out; on success audits `action` ("login", "reauthenticated").
    Result<Session> authenticate(const QString &login, const QString &password, const QString &action);
    Result<qint64> insertUser(const QString &actor, const QString &login, const QString &displayName, Role role,
                              const QString &password);

    CaseStore &m_store;
    SecurityOptions m_options;
};

} // namespace mado
