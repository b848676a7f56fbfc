#include "core/store/Sql.h"

#include "core/store/LostConnections.h"

#include <QSqlDriver>
#include <QSqlError>

namespace mado {

Result<QSqlQuery> Sql::run(const QSqlDatabase &db, const QString &statement, const QVariantMap &bindings)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // Without values the statement runs as it is: PostgreSQL cannot PREPARE utility statements
    // (BEGIN, CREATE TABLE, SET …), and SQLite runs both forms alike.
    if (bindings.isEmpty()) {
        if (!query.exec(statement))
            return error(query, QStringLiteral("execute"));
        return query;
    }
    if (!query.prepare(statement))
        return error(query, QStringLiteral("prepare"));
    for (auto it = bindings.cbegin(); it != bindings.cend(); ++it) {
        const QVariant &value = it.value();
        // A null QString is an empty text here (email not given); SQL NULL is only Sql::null().
        if (!value.isNull() && value.typeId() == QMetaType::QString && value.toString().isNull())
            query.bindValue(QLatin1Char(':') + it.key(), QStringLiteral(""));
        else
            query.bindValue(QLatin1Char(':') + it.key(), value);
    }
    if (!query.exec())
        return error(query, QStringLiteral("execute"));
    return query;
}

Result<QVariant> Sql::scalar(const QSqlDatabase &db, const QString &statement, const QVariantMap &bindings)
{
    auto query = Sql::run(db, statement, bindings);
    if (!query)
        return query.error();
    if (!query.value().next())
        return Error{ErrorCode::NotFound, QStringLiteral("no row")};
    return query.value().value(0);
}

bool Sql::isPostgresql(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QPSQL");
}

QVariant Sql::null()
{
    return QVariant(QMetaType(QMetaType::QString));
}

Error Sql::error(const QSqlQuery &query, const QString &what)
{
    const QString first = query.lastQuery().simplified().section(QLatin1Char(' '), 0, 2);
    const QSqlDriver *driver = query.driver();
    if (driver && driver->dbmsType() == QSqlDriver::PostgreSQL && LostConnections::isLoss(query.lastError())) {
        LostConnections::mark(driver);
        return LostConnections::error(
            QStringLiteral("%1 failed (%2 ...): %3").arg(what, first, query.lastError().text().simplified()));
    }
    return Error{ErrorCode::Database,
                 QStringLiteral("%1 failed (%2 ...): %3").arg(what, first, query.lastError().text())};
}

} // namespace mado
