#pragma once

#include "core/database/SqliteTransaction.h"
#include "core/database/TransactionalTarget.h"

struct sqlite3;

namespace mado {

// A MigrationTarget for a SQLite file on the sqlite3 C API that keeps its schema version in
// PRAGMA user_version and its mark in PRAGMA application_id (the receiver's spool). Steps run with
// sqlite3_exec (several statements at once) inside BEGIN IMMEDIATE, which also writes the new
// user_version; the mark is written once, before the first step, on an empty or unmarked file.
// The connection's owner serialises its use.
class SqliteFileTarget : public TransactionalTarget<SqliteTransaction, sqlite3 *> {
public:
    SqliteFileTarget(sqlite3 *db, int mark, QString kind);

    Result<State> inspect() override;
    Result<int> version() override;
    Status prepare(const State &state) override;
    Status apply(const Migration &step) override;
    Status record(const Migration &step) override;
};

} // namespace mado
