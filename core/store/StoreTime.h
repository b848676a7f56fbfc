#pragma once

#include "core/database/DatabaseTime.h"

namespace mado {

// Times in the store: the one database time format of core/database (UTC text,
// yyyy-MM-ddTHH:mm:ss.zzzZ, compared as text in SQLite and PostgreSQL alike).
using StoreTime = DatabaseTime;

} // namespace mado
