#pragma once

#include "core/domain/Result.h"

#include <QSqlError>

class QSqlDriver;

namespace mado {

// The store's connections whose server closed them (PostgreSQL: pg_terminate_backend, a restart, a
// network cut). Sql::error recognises such a failure (isLoss), returns Error{StoreConnectionLost}
// and marks the connection's driver here; StoreConnections::database() takes the mark and opens a
// new session for that thread at its next call. Drivers are compared by address only. Thread-safe.
class LostConnections {
public:
    // PostgreSQL SQLSTATE class 08 or 57P0x ("terminating connection …"), or libpq's own texts for
    // a connection it lost (they come without a SQLSTATE).
    static bool isLoss(const QSqlError &error);
    static void mark(const QSqlDriver *driver);
    // True once after mark(driver).
    static bool take(const QSqlDriver *driver);
    // Error{StoreConnectionLost} for a lost connection; `detail` says where (no personal data).
    static Error error(const QString &detail);
};

} // namespace mado
