#pragma once

#include "core/domain/Result.h"

#include <QSqlDatabase>

namespace mado {

// RAII write transaction on a QSqlDatabase (after Mixxx's SqlTransaction): rolled back unless
// commit() succeeded. On SQLite it begins with BEGIN IMMEDIATE, taking the write lock up front, so
// two writers never deadlock on a read-then-write upgrade; the busy timeout makes the second wait.
class SqlTransaction {
public:
    explicit SqlTransaction(QSqlDatabase db);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    // The result of BEGIN; nothing may be done in the transaction if it failed.
    const Status &begun() const { return m_begun; }
    Status commit();

private:
    QSqlDatabase m_db;
    Status m_begun;
    bool m_open = false;
};

} // namespace mado
