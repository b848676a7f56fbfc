#include "core/database/Sqlite.h"

#include "core/database/DatabaseTime.h"

#include <sqlite3.h>

namespace mado {

void Sqlite::StatementDeleter::operator()(sqlite3_stmt *statement) const
{
    sqlite3_finalize(statement);
}

void Sqlite::ConnectionCloser::operator()(sqlite3 *db) const
{
    sqlite3_close_v2(db);
}

Result<Sqlite::Connection> Sqlite::open(const QString &path, int flags, int busyTimeoutMs)
{
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw, flags, nullptr);
    Connection db(raw);
    if (rc != SQLITE_OK)
        return Error{ErrorCode::Io, QStringLiteral("cannot open %1: %2")
                                        .arg(path, QString::fromUtf8(raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)))};
    sqlite3_busy_timeout(raw, busyTimeoutMs);
    return db;
}

Status Sqlite::exec(sqlite3 *db, const char *sql)
{
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return error(db, QStringLiteral("SQLite statement failed"));
    return {};
}

Result<Sqlite::Statement> Sqlite::prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *raw = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) {
        sqlite3_finalize(raw);
        return error(db, QStringLiteral("cannot prepare SQLite statement"));
    }
    return Statement(raw);
}

Result<qint64> Sqlite::queryInt(sqlite3 *db, const char *sql)
{
    auto statement = prepare(db, sql);
    if (!statement)
        return statement.error();
    if (sqlite3_step(statement.value().get()) != SQLITE_ROW)
        return error(db, QStringLiteral("SQLite query returned no row"));
    return qint64(sqlite3_column_int64(statement.value().get(), 0));
}

Error Sqlite::error(sqlite3 *db, const QString &what)
{
    return Error{ErrorCode::Io, QStringLiteral("%1: %2").arg(what, QString::fromUtf8(sqlite3_errmsg(db)))};
}

bool Sqlite::bindText(sqlite3_stmt *statement, int index, const QByteArray &text)
{
    return sqlite3_bind_text(statement, index, text.constData(), int(text.size()), SQLITE_TRANSIENT) == SQLITE_OK;
}

QString Sqlite::text(sqlite3_stmt *statement, int index)
{
    return QString::fromUtf8(bytes(statement, index));
}

QByteArray Sqlite::bytes(sqlite3_stmt *statement, int index)
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(statement, index));
    return data ? QByteArray(data, sqlite3_column_bytes(statement, index)) : QByteArray();
}

QByteArray Sqlite::time(const QDateTime &time)
{
    return DatabaseTime::format(time).toUtf8();
}

} // namespace mado
