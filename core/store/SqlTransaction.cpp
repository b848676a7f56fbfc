#include "core/store/SqlTransaction.h"

#include "core/store/Sql.h"

#include <QLoggingCategory>

namespace mado {

namespace {
Q_LOGGING_CATEGORY(lcStore, "mado.store")
}

SqlTransaction::SqlTransaction(QSqlDatabase db) : m_db(std::move(db))
{
    const bool sqlite = m_db.driverName() == QLatin1String("QSQLITE");
    auto begin = Sql::run(m_db, sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
    if (!begin)
        m_begun = begin.error();
    else
        m_open = true;
}

SqlTransaction::~SqlTransaction()
{
    if (!m_open)
        return;
    auto rollback = Sql::run(m_db, QStringLiteral("ROLLBACK"));
    if (!rollback)
        qCWarning(lcStore) << "rollback failed:" << rollback.error().message;
}

Status SqlTransaction::commit()
{
    if (!m_open)
        return m_begun.ok() ? Error{ErrorCode::Internal, QStringLiteral("transaction already finished")} : m_begun;
    auto commit = Sql::run(m_db, QStringLiteral("COMMIT"));
    if (!commit)
        return commit.error();
    m_open = false;
    return {};
}

} // namespace mado
