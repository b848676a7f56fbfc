#pragma once

#include "core/security/Session.h"

#include <QObject>

class QTimer;

namespace mado {

class Clock;

// Watches the application's keyboard and mouse input: each input touches the session; a timer
// asks the session whether it is idle-locked (by the given clock, so tests can move time) and then
// emits idleLocked() once, until resume(). GUI thread only.
class IdleWatcher : public QObject {
    Q_OBJECT

public:
    IdleWatcher(const Clock &clock, Session session, QObject *parent = nullptr);
    ~IdleWatcher() override;

    const Session &session() const { return m_session; }
    bool isLocked() const { return m_locked; }
    // How often the idle time is checked (default 5 s).
    void setCheckInterval(int milliseconds);
    // After a successful unlock: activity starts counting again.
    void resume();

Q_SIGNALS:
    void idleLocked();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void check();

    const Clock &m_clock;
    Session m_session;
    QTimer *m_timer = nullptr;
    bool m_locked = false;
};

} // namespace mado
