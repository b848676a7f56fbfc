#include "core/database/SqliteTransaction.h"

#include "core/database/Sqlite.h"

#include <sqlite3.h>

namespace mado {

SqliteTransaction::SqliteTransaction(sqlite3 *db) : m_db(db), m_begun(Sqlite::exec(db, "BEGIN IMMEDIATE"))
{
    m_open = m_begun.ok();
}

SqliteTransaction::~SqliteTransaction()
{
    if (m_open)
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

Status SqliteTransaction::commit()
{
    if (!m_open)
        return Error{ErrorCode::Internal, QStringLiteral("no open SQLite transaction")};
    Status status = Sqlite::exec(m_db, "COMMIT");
    // A failed COMMIT leaves the transaction open; the destructor rolls it back.
    if (status.ok())
        m_open = false;
    return status;
}

} // namespace mado
