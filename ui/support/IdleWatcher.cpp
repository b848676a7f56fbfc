#include "ui/support/IdleWatcher.h"

#include "core/domain/Clock.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>

namespace mado {

IdleWatcher::IdleWatcher(const Clock &clock, Session session, QObject *parent)
    : QObject(parent), m_clock(clock), m_session(std::move(session))
{
    m_session.touch(m_clock.now());
    m_timer = new QTimer(this);
    m_timer->setInterval(5000);
    connect(m_timer, &QTimer::timeout, this, &IdleWatcher::check);
    m_timer->start();
    QCoreApplication::instance()->installEventFilter(this);
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void IdleWatcher::setCheckInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

void IdleWatcher::resume()
{
    m_locked = false;
    m_session.touch(m_clock.now());
}

bool IdleWatcher::eventFilter(QObject *watched, QEvent *event)
{
    // Input while locked is typing the password: it must not count as activity of the session.
    if (!m_locked) {
        switch (event->type()) {
        case QEvent::KeyPress:
        case QEvent::MouseButtonPress:
        case QEvent::MouseMove:
        case QEvent::Wheel:
        case QEvent::TouchBegin:
            m_session.touch(m_clock.now());
            break;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

void IdleWatcher::check()
{
    if (!m_locked && m_session.idleLocked(m_clock.now())) {
        m_locked = true;
        Q_EMIT idleLocked();
    }
}

} // namespace mado
