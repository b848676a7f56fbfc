#pragma once

#include "core/domain/Result.h"

struct sqlite3;

namespace mado {

// RAII write transaction (BEGIN IMMEDIATE): rolled back unless commit() succeeded.
class SqliteTransaction {
public:
    explicit SqliteTransaction(sqlite3 *db);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction &) = delete;
    SqliteTransaction &operator=(const SqliteTransaction &) = delete;

    // The result of BEGIN; nothing else may be done if it failed.
    const Status &begun() const { return m_begun; }
    Status commit();

private:
    sqlite3 *m_db;
    Status m_begun;
    bool m_open = false;
};

} // namespace mado
