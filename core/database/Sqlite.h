#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace mado {

// Small helpers over the sqlite3 C API, the one place where Madoguchi's code opens, prepares, binds,
// reads columns and writes times on that API: the receiver's spool (its whole database layer) and
// the case store's file operations that Qt Sql cannot do (StoreBackup's online backup, StoreSpace's
// vacuum and log checkpoint). Errors are Io "<what>: <SQLite's message>" (never bound values).
// Callers serialise use of a connection.
class Sqlite {
public:
    struct StatementDeleter {
        void operator()(sqlite3_stmt *statement) const;
    };
    using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;
    struct ConnectionCloser {
        void operator()(sqlite3 *db) const;
    };
    using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;

    // Opens `path` with sqlite3_open_v2 `flags` and a busy timeout; the error names the path.
    static Result<Connection> open(const QString &path, int flags, int busyTimeoutMs);

    // Runs one or more statements that return no rows.
    static Status exec(sqlite3 *db, const char *sql);
    static Result<Statement> prepare(sqlite3 *db, const char *sql);
    // Runs a statement returning one integer (e.g. "PRAGMA user_version").
    static Result<qint64> queryInt(sqlite3 *db, const char *sql);
    // An Io error "<what>: <sqlite message>".
    static Error error(sqlite3 *db, const QString &what);

    // Binds UTF-8 text to parameter index (1-based); SQLite takes its own copy. False when
    // SQLite refused it (a bad index, out of memory); most callers see that at the step.
    static bool bindText(sqlite3_stmt *statement, int index, const QByteArray &text);
    // Column index of the current row as text (empty for NULL).
    static QString text(sqlite3_stmt *statement, int index);
    // Column index of the current row as raw bytes (empty for NULL).
    static QByteArray bytes(sqlite3_stmt *statement, int index);
    // A time as Madoguchi's databases store it (DatabaseTime: UTC, ISO 8601 with milliseconds,
    // sorts as text), UTF-8 for binding.
    static QByteArray time(const QDateTime &time);
};

} // namespace mado
