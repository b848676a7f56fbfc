#include "core/database/SqliteFileTarget.h"

#include "core/database/Sqlite.h"

#include <string>

namespace mado {

SqliteFileTarget::SqliteFileTarget(sqlite3 *db, int mark, QString kind) : TransactionalTarget(db, std::move(kind), mark)
{
}

Result<MigrationTarget::State> SqliteFileTarget::inspect()
{
    const auto mark = Sqlite::queryInt(connection(), "PRAGMA application_id");
    if (!mark)
        return mark.error();
    const auto version = Sqlite::queryInt(connection(), "PRAGMA user_version");
    if (!version)
        return version.error();
    const auto objects = Sqlite::queryInt(connection(), "SELECT count(*) FROM sqlite_master");
    if (!objects)
        return objects.error();
    return State{int(version.value()), int(mark.value()), objects.value() > 0};
}

Result<int> SqliteFileTarget::version()
{
    const auto version = Sqlite::queryInt(connection(), "PRAGMA user_version");
    if (!version)
        return version.error();
    return int(version.value());
}

Status SqliteFileTarget::prepare(const State &state)
{
    if (state.mark != 0)
        return {};
    // PRAGMAs take no parameters; the value is an integer under our control.
    const std::string marking = "PRAGMA application_id = " + std::to_string(mark());
    return Sqlite::exec(connection(), marking.c_str());
}

Status SqliteFileTarget::apply(const Migration &step)
{
    return Sqlite::exec(connection(), step.sql.toUtf8().constData());
}

Status SqliteFileTarget::record(const Migration &step)
{
    const std::string marking = "PRAGMA user_version = " + std::to_string(step.version);
    return Sqlite::exec(connection(), marking.c_str());
}

} // namespace mado
