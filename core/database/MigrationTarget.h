#pragma once

#include "core/domain/Result.h"

#include <QString>

#include <utility>

namespace mado {

// One numbered schema revision: its version (1, 2, …), a name for messages and its SQL (one or
// more statements). Released steps are never edited; a change is a new step.
struct Migration {
    int version = 0;
    QString name;
    QString sql;
};

// What MigrationRunner needs from one database: how its version and mark are read and written,
// how a step runs, and its transactions. Implemented by each side over its own connection:
// SqliteFileTarget (sqlite3 C API, version in PRAGMA user_version: the spool) and
// StoreMigrationTarget (Qt Sql, version in the table schema_version: the case store).
class MigrationTarget {
public:
    // What the database holds before anything is done to it.
    struct State {
        int version = 0;        // 0: no version recorded
        int mark = 0;           // the application id found in the database; 0: none
        bool hasTables = false; // the database is not empty
    };

    // kind: what the database is, for messages ("spool", "case store"); mark: the application id
    // (database_mark::k…) that says the database is this target's.
    MigrationTarget(QString kind, int mark) : m_kind(std::move(kind)), m_mark(mark) {}
    virtual ~MigrationTarget() = default;

    const QString &kind() const { return m_kind; }
    int mark() const { return m_mark; }
    // True if a database with tables and a version but no mark is this target's (one made before
    // marks existed); false refuses it like any unmarked database with tables.
    virtual bool acceptsUnmarkedWithVersion() const { return false; }

    // Held from before the state is read until the runner returns; e.g. a PostgreSQL advisory
    // lock, so that several workstations opening a new store do not migrate it together.
    virtual Status lock() { return {}; }
    virtual void unlock() {}

    virtual Result<State> inspect() = 0;
    // The version as recorded now (read again inside each step's transaction).
    virtual Result<int> version() = 0;
    // Called once the database is known to be the target's or empty, before any step: mark it
    // (when state.mark is 0), create what records the version, set what can only be set on an
    // empty database.
    virtual Status prepare(const State &state) = 0;

    // A write transaction; rollback() undoes an open one and is harmless when none is open.
    virtual Status begin() = 0;
    virtual Status commit() = 0;
    virtual void rollback() = 0;
    // Runs the step's SQL, and records its version, inside the open transaction.
    virtual Status apply(const Migration &step) = 0;
    virtual Status record(const Migration &step) = 0;

private:
    QString m_kind;
    int m_mark;
};

} // namespace mado
