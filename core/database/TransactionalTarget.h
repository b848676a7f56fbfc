#pragma once

#include "core/database/MigrationTarget.h"

#include <optional>
#include <utility>

namespace mado {

// A MigrationTarget on one connection whose write transactions are an RAII class T (begun(),
// commit(), rolled back by its destructor unless committed: SqliteTransaction for a sqlite3
// handle, the store's SqlTransaction for a QSqlDatabase). It implements begin, commit and
// rollback by holding at most one open T; the subclass says the rest.
template <class T, class Connection> class TransactionalTarget : public MigrationTarget {
public:
    Status begin() override
    {
        m_open.emplace(m_connection);
        Status begun = m_open->begun();
        if (!begun)
            m_open.reset();
        return begun;
    }
    Status commit() override
    {
        if (!m_open)
            return Error{ErrorCode::Internal, QStringLiteral("no open migration transaction")};
        Status committed = m_open->commit();
        if (committed)
            m_open.reset();
        return committed;
    }
    void rollback() override { m_open.reset(); }

protected:
    TransactionalTarget(Connection connection, QString kind, int mark)
        : MigrationTarget(std::move(kind), mark), m_connection(std::move(connection))
    {
    }
    const Connection &connection() const { return m_connection; }

private:
    Connection m_connection;
    std::optional<T> m_open;
};

} // namespace mado
