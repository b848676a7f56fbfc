#include "core/store/Migrator.h"

#include "core/store/Sql.h"
#include "core/store/SqlTransaction.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <map>

namespace mado {

std::vector<Migrator::Revision> Migrator::revisions(Dialect dialect)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_([a-z0-9_]+)\\.sql$"));
    std::map<int, Revision> byVersion;
    QStringList folders{QStringLiteral(":/sql")};
    if (dialect == Dialect::Postgresql)
        folders << QStringLiteral(":/sql/postgresql"); // its files replace the common ones of their number
    for (const QString &folder : folders) {
        const QDir dir(folder);
        for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
            const auto match = pattern.match(file);
            if (match.hasMatch()) {
                const int version = match.captured(1).toInt();
                byVersion[version] = Revision{version, match.captured(2), dir.filePath(file)};
            }
        }
    }
    std::vector<Revision> result;
    for (const auto &entry : byVersion)
        result.push_back(entry.second);
    return result;
}

int Migrator::latestVersion()
{
    const auto all = revisions(Dialect::Sqlite);
    return all.empty() ? 0 : all.back().version;
}

Result<int> Migrator::currentVersion(const QSqlDatabase &db)
{
    if (!db.tables().contains(QStringLiteral("schema_version")))
        return 0;
    auto version = Sql::scalar(db, QStringLiteral("SELECT MAX(version) FROM schema_version"));
    if (!version)
        return version.error();
    return version.value().toInt();
}

QStringList Migrator::splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    bool inString = false;
    bool inBody = false;
    for (qsizetype i = 0; i < script.size(); ++i) {
        const QChar c = script.at(i);
        if (!inString && !inBody && c == QLatin1Char('-') && i + 1 < script.size() &&
            script.at(i + 1) == QLatin1Char('-')) {
            while (i < script.size() && script.at(i) != QLatin1Char('\n'))
                ++i;
            current += QLatin1Char('\n');
            continue;
        }
        if (!inString && c == QLatin1Char('$') && i + 1 < script.size() && script.at(i + 1) == QLatin1Char('$')) {
            inBody = !inBody; // a PostgreSQL function body: $$ … $$ holds semicolons
            current += QStringLiteral("$$");
            ++i;
            continue;
        }
        if (!inBody && c == QLatin1Char('\''))
            inString = !inString; // a doubled quote '' toggles twice and stays inside
        if (!inString && !inBody && c == QLatin1Char(';')) {
            if (!current.trimmed().isEmpty())
                statements.append(current.trimmed());
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

namespace {

// The same guard on PostgreSQL, which has no application_id: the one-row table madoguchi_store
// holds the mark. A database with tables but without the mark (another application's, or one an
// admin prepared by hand) is refused, and so is a mark with another id.
Status refuseForeignDatabase(const QSqlDatabase &db, int currentVersion)
{
    const QStringList tables = db.tables();
    if (!tables.contains(QStringLiteral("madoguchi_store"))) {
        if (!tables.isEmpty() || currentVersion != 0)
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("the database has tables but no madoguchi_store mark: it is not a case store; "
                                        "refusing to change it (nothing was changed)")};
        for (const QString &statement :
             {QStringLiteral("CREATE TABLE madoguchi_store (application_id INTEGER NOT NULL PRIMARY KEY, "
                             "created_at TIMESTAMPTZ NOT NULL DEFAULT now())"),
              QStringLiteral("INSERT INTO madoguchi_store (application_id) VALUES (%1)")
                  .arg(Migrator::kApplicationId)}) {
            if (auto marked = Sql::run(db, statement); !marked)
                return marked.error();
        }
        return {};
    }
    auto mark = Sql::scalar(db, QStringLiteral("SELECT application_id FROM madoguchi_store"));
    if (!mark)
        return mark.error();
    if (mark.value().toInt() != Migrator::kApplicationId)
        return Error{
            ErrorCode::InvalidArgument,
            QStringLiteral("the database's madoguchi_store mark is %1, not a case store's (nothing was changed)")
                .arg(mark.value().toInt())};
    return {};
}

// The store's guard against changing a file that is not a store (the workstation pointed at the
// receiver's spool, say).
Status refuseForeignFile(const QSqlDatabase &db, int currentVersion)
{
    if (Sql::isPostgresql(db))
        return refuseForeignDatabase(db, currentVersion);
    auto applicationId = Sql::scalar(db, QStringLiteral("PRAGMA application_id"));
    if (!applicationId)
        return applicationId.error();
    const int id = applicationId.value().toInt();
    if (id == database_mark::kSpool)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("the file is the receiver's spool, not a case store (nothing was changed)")};
    if (id != 0 && id != Migrator::kApplicationId)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("the file is another program's database (application_id %1), not a case store "
                                    "(nothing was changed)")
                         .arg(id)};
    if (currentVersion == 0 && !db.tables().isEmpty())
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("the file is a database without a case store's schema; refusing to change it")};
    if (id == 0) // a new store, or one made before the mark existed
        if (auto marked = Sql::run(db, QStringLiteral("PRAGMA application_id = %1").arg(Migrator::kApplicationId));
            !marked)
            return marked.error();
    return {};
}

} // namespace

Result<int> Migrator::migrate(const QSqlDatabase &db, int targetVersion)
{
    const auto all = revisions(Sql::isPostgresql(db) ? Dialect::Postgresql : Dialect::Sqlite);
    const int latest = all.empty() ? 0 : all.back().version;
    if (targetVersion < 0)
        targetVersion = latest;
    // PostgreSQL: several workstations may open a new store at once; one migrates, the others wait
    // and then find it done. The session lock ends with migrate().
    struct MigrationLock {
        const QSqlDatabase &db;
        bool held = false;
        ~MigrationLock()
        {
            if (held)
                (void)Sql::run(db, QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(kMigrationLock));
        }
    } lock{db};
    if (Sql::isPostgresql(db)) {
        if (auto locked = Sql::run(db, QStringLiteral("SELECT pg_advisory_lock(%1)").arg(kMigrationLock)); !locked)
            return locked.error();
        lock.held = true;
    }
    auto current = currentVersion(db);
    if (!current)
        return current.error();
    if (current.value() > latest) {
        return Error{ErrorCode::SchemaTooNew,
                     QStringLiteral("the store has schema version %1 but this Madoguchi knows only up to %2; "
                                    "open it with a newer Madoguchi (nothing was changed)")
                         .arg(current.value())
                         .arg(latest)};
    }
    if (auto foreign = refuseForeignFile(db, current.value()); !foreign)
        return foreign.error();
    if (current.value() == 0) {
        // A new store frees the pages that retention empties (docs/store.md, "Retention"): with
        // incremental auto-vacuum, `PRAGMA incremental_vacuum` gives them back to the file system.
        // The mode can only change while the file has no table, and takes effect with a VACUUM
        // (instant on an empty file, and allowed in WAL mode).
        if (db.driverName() == QLatin1String("QSQLITE")) {
            for (const QString &statement :
                 {QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"), QStringLiteral("VACUUM")}) {
                if (auto vacuumed = Sql::run(db, statement); !vacuumed)
                    return vacuumed.error();
            }
        }
        auto created =
            Sql::run(db, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                        "version INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL)"));
        if (!created)
            return created.error();
    }
    int reached = current.value();
    for (const Revision &revision : all) {
        if (revision.version <= reached || revision.version > targetVersion)
            continue;
        QFile file(revision.path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{ErrorCode::Internal, QStringLiteral("missing migration ") + revision.path};
        SqlTransaction transaction(db);
        if (!transaction.begun().ok())
            return transaction.begun().error();
        for (const QString &statement : splitStatements(QString::fromUtf8(file.readAll()))) {
            auto applied = Sql::run(db, statement);
            if (!applied) {
                return Error{ErrorCode::Database, QStringLiteral("migration %1 (%2) failed: %3")
                                                      .arg(revision.version)
                                                      .arg(revision.name, applied.error().message)};
            }
        }
        auto recorded = Sql::run(db, QStringLiteral("INSERT INTO schema_version (version, name) VALUES (:v, :n)"),
                                 {{QStringLiteral("v"), revision.version}, {QStringLiteral("n"), revision.name}});
        if (!recorded)
            return recorded.error();
        if (auto committed = transaction.commit(); !committed)
            return committed.error();
        reached = revision.version;
    }
    return reached;
}

} // namespace mado
