#pragma once

#include "core/domain/Result.h"

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace mado {

// Small helpers over the sqlite3 C API for the spool. Callers serialise use of a connection.
class Sqlite {
public:
    struct StatementDeleter {
        void operator()(sqlite3_stmt *statement) const;
    };
    using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

    // Runs one or more statements that return no rows.
    static Status exec(sqlite3 *db, const char *sql);
    static Result<Statement> prepare(sqlite3 *db, const char *sql);
    // Runs a statement returning one integer (e.g. "PRAGMA user_version").
    static Result<qint64> queryInt(sqlite3 *db, const char *sql);
    // An Io error "<what>: <sqlite message>".
    static Error error(sqlite3 *db, const QString &what);
};

} // namespace mado
