#pragma once

#include "core/database/TransactionalTarget.h"
#include "core/store/SqlTransaction.h"

#include <QSqlDatabase>

namespace mado {

// The case store as a MigrationTarget (core/database's MigrationRunner), on a Qt Sql connection to
// SQLite or PostgreSQL. The version is the highest row of the table schema_version; the mark is
// PRAGMA application_id on SQLite and the one-row table madoguchi_store on PostgreSQL, which has
// no application id. A SQLite store with a schema_version but no mark is one made before the mark
// existed and is accepted (and marked); on PostgreSQL an unmarked database with tables is refused.
// On PostgreSQL the runner holds the session advisory lock Migrator::kMigrationLock, so that
// workstations opening a new store at once wait for the one that migrates it. Each step's
// statements run one by one (Migrator::splitStatements) in one SqlTransaction (BEGIN IMMEDIATE on
// SQLite). Calling thread's connection only.
class StoreMigrationTarget : public TransactionalTarget<SqlTransaction, QSqlDatabase> {
public:
    explicit StoreMigrationTarget(QSqlDatabase db);

    bool acceptsUnmarkedWithVersion() const override { return !m_postgresql; }
    Status lock() override;
    void unlock() override;
    Result<State> inspect() override;
    Result<int> version() override;
    Status prepare(const State &state) override;
    Status apply(const Migration &step) override;
    Status record(const Migration &step) override;

private:
    Result<int> readMark();
    Status writeMark();

    bool m_postgresql;
};

} // namespace mado
