#include "core/security/UserDirectory.h"

#include "core/security/PasswordHasher.h"
#include "core/store/ActorRecord.h"
#include "core/store/ActorWrite.h"
#include "core/store/AuditChain.h"
#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/store/SqlTransaction.h"
#include "core/store/StoreTime.h"

#include <QRegularExpression>

namespace mado {

namespace {

QString userSubject(const QString &login)
{
    return QStringLiteral("user:") + login;
}

Status requireAdmin(const QSqlDatabase &db, qint64 adminId, Actor *actor)
{
    auto loaded = loadActor(db, adminId);
    if (!loaded)
        return loaded.error();
    if (loaded.value().role != Role::Admin)
        return Error{ErrorCode::PermissionDenied, QStringLiteral("only an admin may manage accounts")};
    *actor = loaded.value();
    return {};
}

} // namespace

UserDirectory::UserDirectory(CaseStore &store, SecurityOptions options, PasswordCheck checkPassword)
    : m_store(store), m_options(options),
      m_checkPassword(checkPassword ? std::move(checkPassword) : PasswordCheck(&PasswordHasher::verify))
{
}

Status UserDirectory::checkPassword(const QString &password) const
{
    if (password.size() < m_options.minPasswordLength)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("a password needs at least %1 characters").arg(m_options.minPasswordLength)};
    return {};
}

Result<qint64> UserDirectory::insertUser(const QString &actor, const QString &login, const QString &displayName,
                                         Role role, const QString &password)
{
    static const QRegularExpression loginPattern(QStringLiteral("^[a-z][a-z0-9._-]{1,63}$"));
    if (!loginPattern.match(login).hasMatch())
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("a login is 2-64 of a-z 0-9 . _ - starting with a letter")};
    if (auto ok = checkPassword(password); !ok)
        return ok.error();
    auto hashed = PasswordHasher::hash(password);
    if (!hashed)
        return hashed.error();
    auto db = m_store.connections().database();
    auto taken = Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM users WHERE login = :l"),
                             {{QStringLiteral("l"), login}});
    if (!taken)
        return taken.error();
    if (taken.value().toInt() > 0)
        return Error{ErrorCode::AlreadyExists, QStringLiteral("the login %1 exists").arg(login)};
    const QDateTime now = m_store.clock().now();
    auto inserted = Sql::run(db.value(),
                             QStringLiteral("INSERT INTO users (login, display_name, role, password_hash, created_at) "
                                            "VALUES (:l, :d, :r, :h, :at) RETURNING id"),
                             {{QStringLiteral("l"), login},
                              {QStringLiteral("d"), displayName},
                              {QStringLiteral("r"), roleName(role)},
                              {QStringLiteral("h"), hashed.value()},
                              {QStringLiteral("at"), StoreTime::format(now)}});
    if (!inserted)
        return inserted.error();
    if (!inserted.value().next())
        return Error{ErrorCode::Database, QStringLiteral("insert returned no user id")};
    const qint64 id = inserted.value().value(0).toLongLong();
    inserted.value().finish();
    if (auto audited = AuditChain::append(db.value(), {0,
                                                       now,
                                                       actor,
                                                       QStringLiteral("user_added"),
                                                       userSubject(login),
                                                       {{QStringLiteral("role"), roleName(role)}}});
        !audited)
        return audited.error();
    return id;
}

Result<qint64> UserDirectory::bootstrapAdmin(const QString &login, const QString &displayName, const QString &password)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    SqlTransaction transaction(db.value());
    if (!transaction.begun().ok())
        return transaction.begun().error();
    auto users = Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM users"));
    if (!users)
        return users.error();
    if (users.value().toInt() > 0)
        return Error{ErrorCode::AlreadyExists, QStringLiteral("the store already has users; an admin adds more")};
    auto id = insertUser(QStringLiteral("system:init"), login, displayName, Role::Admin, password);
    if (!id)
        return id;
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return id;
}

Result<qint64> UserDirectory::addUser(qint64 adminId, const QString &login, const QString &displayName, Role role,
                                      const QString &password)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    SqlTransaction transaction(db.value());
    if (!transaction.begun().ok())
        return transaction.begun().error();
    Actor admin;
    if (auto allowed = requireAdmin(db.value(), adminId, &admin); !allowed)
        return allowed.error();
    auto id = insertUser(admin.login, login, displayName, role, password);
    if (!id)
        return id;
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return id;
}

Status UserDirectory::disableUser(qint64 adminId, const QString &login)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    SqlTransaction transaction(db.value());
    if (!transaction.begun().ok())
        return transaction.begun();
    Actor admin;
    if (auto allowed = requireAdmin(db.value(), adminId, &admin); !allowed)
        return allowed;
    if (admin.login == login)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("an admin cannot disable their own account")};
    auto updated = Sql::run(db.value(), QStringLiteral("UPDATE users SET disabled = 1 WHERE login = :l"),
                            {{QStringLiteral("l"), login}});
    if (!updated)
        return updated.error();
    if (updated.value().numRowsAffected() != 1)
        return Error{ErrorCode::NotFound, QStringLiteral("no user %1").arg(login)};
    if (auto audited = AuditChain::append(
            db.value(),
            {0, m_store.clock().now(), admin.login, QStringLiteral("user_disabled"), userSubject(login), {}});
        !audited)
        return audited;
    return transaction.commit();
}

Status UserDirectory::setPassword(qint64 actorId, const QString &login, const QString &newPassword)
{
    if (auto ok = checkPassword(newPassword); !ok)
        return ok;
    auto hashed = PasswordHasher::hash(newPassword);
    if (!hashed)
        return hashed.error();
    const auto adminOrSelf = [&login](const Actor &actor) { return isAdmin(actor) || actor.login == login; };
    return writeAsActor(
        m_store, actorId, adminOrSelf, QStringLiteral("only an admin may set another user's password"),
        [&](QSqlDatabase &db, const Actor &actor) -> Status {
            auto updated =
                Sql::run(db,
                         QStringLiteral("UPDATE users SET password_hash = :h, failed_attempts = 0, locked_until = NULL "
                                        "WHERE login = :l"),
                         {{QStringLiteral("h"), hashed.value()}, {QStringLiteral("l"), login}});
            if (!updated)
                return updated.error();
            if (updated.value().numRowsAffected() != 1)
                return Error{ErrorCode::NotFound, QStringLiteral("no user %1").arg(login)};
            if (auto audited = AuditChain::append(db, {0,
                                                       m_store.clock().now(),
                                                       actor.login,
                                                       QStringLiteral("password_changed"),
                                                       userSubject(login),
                                                       {}});
                !audited)
                return audited;
            return Status();
        });
}

Result<Session> UserDirectory::login(const QString &login, const QString &password)
{
    return authenticate(login, password, QStringLiteral("login"));
}

Result<Session> UserDirectory::authenticate(const QString &login, const QString &password, const QString &action)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    SqlTransaction transaction(db.value());
    if (!transaction.begun().ok())
        return transaction.begun().error();
    const QDateTime now = m_store.clock().now();
    auto row = Sql::run(db.value(),
                        QStringLiteral("SELECT id, role, password_hash, disabled, failed_attempts, locked_until "
                                       "FROM users WHERE login = :l"),
                        {{QStringLiteral("l"), login}});
    if (!row)
        return row.error();
    // One answer for an unknown login, a wrong password and a disabled account, and one password
    // verification on every path (the dummy hash when there is no account), so that neither the
    // message nor the time tells which login names exist.
    const Error refused{ErrorCode::AuthenticationFailed, QStringLiteral("login name or password is wrong")};
    const bool found = row.value().next();
    const qint64 id = found ? row.value().value(0).toLongLong() : 0;
    const Role role = found ? roleFromName(row.value().value(1).toString()).value_or(Role::Clerk) : Role::Clerk;
    const QString hash = found ? row.value().value(2).toString() : PasswordHasher::dummyHash();
    const bool disabled = found && row.value().value(3).toInt() != 0;
    const int failures = found ? row.value().value(4).toInt() : 0;
    const QDateTime lockedUntil = !found || row.value().value(5).isNull()
                                      ? QDateTime()
                                      : StoreTime::parse(row.value().value(5).toString());
    row.value().finish();
    const bool passwordRight = m_checkPassword(hash, password) && found;
    const bool locked = lockedUntil.isValid() && lockedUntil > now;

    if (!found || disabled || locked) {
        // Unknown logins are audited without the typed text (it may be a password typed in the wrong field).
        const AuditChain::Entry entry =
            !found ? AuditChain::Entry{0, now, QStringLiteral("unknown"), QStringLiteral("login_failed"),
                                       QStringLiteral("user:?"), {}}
                   : AuditChain::Entry{0,
                                       now,
                                       login,
                                       QStringLiteral("login_failed"),
                                       userSubject(login),
                                       {{QStringLiteral("reason"),
                                         disabled ? QStringLiteral("disabled") : QStringLiteral("locked")}}};
        if (auto audited = AuditChain::append(db.value(), entry); !audited)
            return audited.error();
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        // Only someone who knows the password learns that the account is locked out (and may wait).
        if (found && !disabled && passwordRight)
            return Error{ErrorCode::AccountLocked,
                         QStringLiteral("the account is locked after repeated failed logins")};
        return refused;
    }
    if (!passwordRight) {
        const int count = failures + 1;
        const bool lock = count >= m_options.maxFailedLogins;
        auto updated = Sql::run(
            db.value(), QStringLiteral("UPDATE users SET failed_attempts = :f, locked_until = :until WHERE id = :id"),
            {{QStringLiteral("f"), lock ? 0 : count},
             {QStringLiteral("until"),
              lock ? QVariant(StoreTime::format(now.addSecs(m_options.lockoutSeconds))) : Sql::null()},
             {QStringLiteral("id"), id}});
        if (!updated)
            return updated.error();
        if (auto audited = AuditChain::append(db.value(),
                                              {0,
                                               now,
                                               login,
                                               lock ? QStringLiteral("account_locked") : QStringLiteral("login_failed"),
                                               userSubject(login),
                                               {{QStringLiteral("failures"), count}}});
            !audited)
            return audited.error();
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        // Also when this failure locked the account: saying so would confirm that the login exists.
        return refused;
    }
    auto reset =
        Sql::run(db.value(), QStringLiteral("UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = :id"),
                 {{QStringLiteral("id"), id}});
    if (!reset)
        return reset.error();
    if (auto audited = AuditChain::append(db.value(), {0, now, login, action, userSubject(login), {}}); !audited)
        return audited.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return Session(id, login, role, now, m_options.idleLockSeconds);
}

Status UserDirectory::logout(const Session &session)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    SqlTransaction transaction(db.value());
    if (!transaction.begun().ok())
        return transaction.begun();
    if (auto audited = AuditChain::append(
            db.value(),
            {0, m_store.clock().now(), session.login(), QStringLiteral("logout"), userSubject(session.login()), {}});
        !audited)
        return audited;
    return transaction.commit();
}

Status UserDirectory::reauthenticate(qint64 userId, const QString &password)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    auto login = Sql::scalar(db.value(), QStringLiteral("SELECT login FROM users WHERE id = :id"),
                             {{QStringLiteral("id"), userId}});
    if (!login)
        return login.error();
    auto session = authenticate(login.value().toString(), password, QStringLiteral("reauthenticated"));
    if (!session)
        return session.error();
    return {};
}

Result<qint64> UserDirectory::userId(const QString &login)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    auto id = Sql::scalar(db.value(), QStringLiteral("SELECT id FROM users WHERE login = :l"),
                          {{QStringLiteral("l"), login}});
    if (!id)
        return id.error().code == ErrorCode::NotFound ? Error{ErrorCode::NotFound, QStringLiteral("no user ") + login}
                                                      : id.error();
    return id.value().toLongLong();
}

} // namespace mado
