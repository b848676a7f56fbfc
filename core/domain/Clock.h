#pragma once

#include <QDateTime>

namespace mado {

// The source of "now" for the workflow, claims, lock-outs and the audit chain, so that tests
// can move time (tests/support/MockClock.h). Implementations must be callable from any thread.
class Clock {
public:
    virtual ~Clock() = default;
    // The current time in UTC.
    virtual QDateTime now() const = 0;
};

} // namespace mado
