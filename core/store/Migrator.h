#pragma once

#include "core/domain/DatabaseMarks.h"
#include "core/domain/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <vector>

namespace mado {

// The case store's numbered schema revisions, resources/sql/NNNN_name.sql (compiled in under
// :/sql/); on PostgreSQL a file of the same number in resources/sql/postgresql/ replaces the common
// one (where the SQL differs: identity columns, BYTEA, the database's own rules). migrate() runs
// them through the shared MigrationRunner (core/database) with a StoreMigrationTarget: in order,
// each in its own transaction together with the new version number in schema_version. A store
// written by a newer program (a version above the highest known file) is refused with SchemaTooNew
// and left untouched. Calling thread's connection only.
class Migrator {
public:
    struct Revision {
        int version = 0;
        QString name;
        QString path;
    };

    enum class Dialect { Sqlite, Postgresql };
    // The revisions shipped in the resources for one backend, sorted by version.
    static std::vector<Revision> revisions(Dialect dialect = Dialect::Sqlite);
    static int latestVersion();
    // The schema version of the store; 0 for an empty database.
    static Result<int> currentVersion(const QSqlDatabase &db);
    // Brings the store to `targetVersion` (default: the latest); returns the version reached.
    // Refuses (nothing changed) a database that is not a case store: another program's SQLite file
    // (PRAGMA application_id, e.g. the receiver's spool) or any database with tables but without
    // the store's mark and schema_version (StoreMigrationTarget says how a store is marked).
    static Result<int> migrate(const QSqlDatabase &db, int targetVersion = -1);
    static constexpr int kApplicationId = database_mark::kCaseStore;
    // pg_advisory_lock key held while a PostgreSQL store migrates ("MDGM").
    static constexpr qint64 kMigrationLock = 0x4D44474D;
    // Splits a script into statements at semicolons outside quotes and $$ function bodies; drops
    // "--" comments.
    static QStringList splitStatements(const QString &script);
};

} // namespace mado
