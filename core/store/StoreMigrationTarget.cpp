#include "core/store/StoreMigrationTarget.h"

#include "core/store/Migrator.h"
#include "core/store/Sql.h"

namespace mado {

StoreMigrationTarget::StoreMigrationTarget(QSqlDatabase db)
    : TransactionalTarget(std::move(db), QStringLiteral("case store"), Migrator::kApplicationId),
      m_postgresql(Sql::isPostgresql(connection()))
{
}

Status StoreMigrationTarget::lock()
{
    if (!m_postgresql)
        return {};
    auto locked = Sql::run(connection(), QStringLiteral("SELECT pg_advisory_lock(%1)").arg(Migrator::kMigrationLock));
    if (!locked)
        return locked.error();
    return {};
}

void StoreMigrationTarget::unlock()
{
    if (m_postgresql)
        (void)Sql::run(connection(), QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(Migrator::kMigrationLock));
}

Result<int> StoreMigrationTarget::readMark()
{
    if (m_postgresql && !connection().tables().contains(QStringLiteral("madoguchi_store")))
        return 0;
    auto mark = Sql::scalar(connection(), m_postgresql ? QStringLiteral("SELECT application_id FROM madoguchi_store")
                                                       : QStringLiteral("PRAGMA application_id"));
    if (!mark)
        return mark.error();
    return mark.value().toInt();
}

Result<MigrationTarget::State> StoreMigrationTarget::inspect()
{
    auto current = Migrator::currentVersion(connection());
    if (!current)
        return current.error();
    auto found = readMark();
    if (!found)
        return found.error();
    return State{current.value(), found.value(), !connection().tables().isEmpty()};
}

Result<int> StoreMigrationTarget::version()
{
    return Migrator::currentVersion(connection());
}

Status StoreMigrationTarget::writeMark()
{
    const QStringList statements =
        m_postgresql
            ? QStringList{QStringLiteral("CREATE TABLE madoguchi_store (application_id INTEGER NOT NULL PRIMARY "
                                         "KEY, created_at TIMESTAMPTZ NOT NULL DEFAULT now())"),
                          QStringLiteral("INSERT INTO madoguchi_store (application_id) VALUES (%1)")
                              .arg(Migrator::kApplicationId)}
            : QStringList{QStringLiteral("PRAGMA application_id = %1").arg(Migrator::kApplicationId)};
    for (const QString &statement : statements) {
        if (auto marked = Sql::run(connection(), statement); !marked)
            return marked.error();
    }
    return {};
}

Status StoreMigrationTarget::prepare(const State &state)
{
    if (state.mark == 0)
        if (Status marked = writeMark(); !marked)
            return marked;
    if (state.version != 0)
        return {};
    // A new store frees the pages that retention empties (docs/store.md, "Retention"): with
    // incremental auto-vacuum, `PRAGMA incremental_vacuum` gives them back to the file system.
    // The mode can only change while the file has no table, and takes effect with a VACUUM
    // (instant on an empty file, and allowed in WAL mode).
    if (!m_postgresql && !state.hasTables) {
        for (const QString &statement :
             {QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"), QStringLiteral("VACUUM")}) {
            if (auto vacuumed = Sql::run(connection(), statement); !vacuumed)
                return vacuumed.error();
        }
    }
    auto created =
        Sql::run(connection(), QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                              "version INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL)"));
    if (!created)
        return created.error();
    return {};
}

Status StoreMigrationTarget::apply(const Migration &step)
{
    for (const QString &statement : Migrator::splitStatements(step.sql)) {
        if (auto applied = Sql::run(connection(), statement); !applied)
            return applied.error();
    }
    return {};
}

Status StoreMigrationTarget::record(const Migration &step)
{
    auto recorded = Sql::run(connection(), QStringLiteral("INSERT INTO schema_version (version, name) VALUES (:v, :n)"),
                             {{QStringLiteral("v"), step.version}, {QStringLiteral("n"), step.name}});
    if (!recorded)
        return recorded.error();
    return {};
}

} // namespace mado
