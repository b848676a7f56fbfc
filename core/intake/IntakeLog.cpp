#include "core/intake/IntakeLog.h"

namespace mado {

Q_LOGGING_CATEGORY(lcIntake, "mado.intake")

} // namespace mado
