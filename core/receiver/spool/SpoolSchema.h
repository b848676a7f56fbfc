#pragma once

#include "core/domain/DatabaseMarks.h"
#include "core/domain/Result.h"

struct sqlite3;

namespace mado {

// The spool's numbered schema revisions (kRevisions in SpoolSchema.cpp, append-only). The version
// lives in PRAGMA user_version and the file is marked as a Madoguchi spool by PRAGMA
// application_id. migrate() runs them through the shared MigrationRunner (core/database) with a
// SqliteFileTarget: it refuses, without changing the file, a newer version than it knows
// (SchemaTooNew), another program's database, or a non-empty database without the spool's mark;
// otherwise it applies the missing revisions, each in its own transaction. Called once per file
// by Spool::open.
class SpoolSchema {
public:
    static constexpr int kApplicationId = database_mark::kSpool;
    static int latestVersion();
    // upTo (tests only): stop after that revision, to build an older spool to upgrade.
    static Status migrate(sqlite3 *db, int upTo = 0);
};

} // namespace mado
