#pragma once

#include "core/domain/Clock.h"

#include <QMutex>
#include <QMutexLocker>

namespace mado::test {

// A clock the test moves by hand. Thread-safe, so threads in a test can share it.
class MockClock : public Clock {
public:
    explicit MockClock(QDateTime start = QDateTime(QDate(2026, 11, 20), QTime(1, 0), Qt::UTC)) : m_now(start) {}

    QDateTime now() const override
    {
        const QMutexLocker lock(&m_mutex);
        return m_now;
    }
    void set(const QDateTime &time)
    {
        const QMutexLocker lock(&m_mutex);
        m_now = time;
    }
    void advance(qint64 seconds)
    {
        const QMutexLocker lock(&m_mutex);
        m_now = m_now.addSecs(seconds);
    }

private:
    mutable QMutex m_mutex;
    QDateTime m_now;
};

} // namespace mado::test
