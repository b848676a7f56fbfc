#pragma once

#include "core/domain/Clock.h"

namespace mado {

// The wall clock in UTC. Any thread.
class SystemClock : public Clock {
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

} // namespace mado
