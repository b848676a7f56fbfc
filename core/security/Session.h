#pragma once

#include "core/domain/Role.h"

#include <QDateTime>
#include <QString>

namespace mado {

// A logged-in staff member at one workstation. The idle lock is data: the UI calls touch() on
// activity and asks idleLocked() from a timer; unlocking needs the password again
// (UserDirectory::reauthenticate). Plain value; one thread.
class Session {
public:
    Session() = default;
    Session(qint64 userId, QString login, Role role, QDateTime startedAt, int idleLockSeconds)
        : m_userId(userId), m_login(std::move(login)), m_role(role), m_startedAt(startedAt), m_lastActivity(startedAt),
          m_idleLockSeconds(idleLockSeconds)
    {
    }

    qint64 userId() const { return m_userId; }
    const QString &login() const { return m_login; }
    Role role() const { return m_role; }
    const QDateTime &startedAt() const { return m_startedAt; }
    int idleLockSeconds() const { return m_idleLockSeconds; }

    void touch(const QDateTime &now) { m_lastActivity = now; }
    bool idleLocked(const QDateTime &now) const { return m_lastActivity.secsTo(now) >= m_idleLockSeconds; }

private:
    qint64 m_userId = 0;
    QString m_login;
    Role m_role = Role::Clerk;
    QDateTime m_startedAt;
    QDateTime m_lastActivity;
    int m_idleLockSeconds = 900;
};

} // namespace mado
