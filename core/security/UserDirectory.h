#pragma once

#include "core/domain/Result.h"
#include "core/domain/Role.h"
#include "core/security/SecurityOptions.h"
#include "core/security/Session.h"

#include <QString>

#include <functional>

namespace mado {

class CaseStore;

// Staff accounts in the case store: add, disable, change password, log in and out. Every change,
// login, failed login and logout is appended to the audit chain in the same transaction. After
// maxFailedLogins consecutive failures an account locks for lockoutSeconds. Only admins manage
// accounts (except that everyone may change their own password). Any thread.
// A login refused for an unknown name, a wrong password or a disabled account gets the same error
// after the same work (one Argon2id verification, against PasswordHasher::dummyHash() when there
// is no account), so logins cannot be enumerated by message or timing.
class UserDirectory {
public:
    // Verifies a password against a stored hash; PasswordHasher::verify unless a test counts calls.
    using PasswordCheck = std::function<bool(const QString &hash, const QString &password)>;

    UserDirectory(CaseStore &store, SecurityOptions options = {}, PasswordCheck checkPassword = {});

    // Creates the first admin of an empty store; AlreadyExists once any user exists.
    Result<qint64> bootstrapAdmin(const QString &login, const QString &displayName, const QString &password);
    Result<qint64> addUser(qint64 adminId, const QString &login, const QString &displayName, Role role,
                           const QString &password);
    Status disableUser(qint64 adminId, const QString &login);
    Status setPassword(qint64 actorId, const QString &login, const QString &newPassword);
    // AuthenticationFailed "login name or password is wrong" for an unknown login, a wrong password
    // or a disabled account; AccountLocked only for the right password of a locked-out account.
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
    PasswordCheck m_checkPassword;
};

} // namespace mado
