#include "core/receiver/IntakeLog.h"

namespace mado {

Q_LOGGING_CATEGORY(lcIntake, "mado.intake")

} // namespace mado
