#pragma once

#include <QLoggingCategory>

namespace mado {

// The logging category of the receiver ("mado.intake"). Never log bodies, tokens or secrets.
Q_DECLARE_LOGGING_CATEGORY(lcIntake)

} // namespace mado
