#pragma once

#include "core/database/MigrationTarget.h"
#include "core/domain/Result.h"

#include <vector>

namespace mado {

// The one migration runner of Madoguchi's databases: the receiver's spool (SpoolSchema, sqlite3
// C API) and the ward's case store (Migrator, Qt Sql on SQLite or PostgreSQL) both bring their
// database up to date through run(), each with its own MigrationTarget. In this order, it
//   1. takes the target's lock (a PostgreSQL advisory lock for the store; nothing for a file);
//   2. reads the database's state and refuses, without changing anything,
//      - another program's database (a mark that is not the target's: InvalidArgument naming what
//        it is when it is Madoguchi's other database, the spool or the case store),
//      - a database with tables but without the mark (InvalidArgument; a target may accept an
//        unmarked one that already has its version record: stores from before the mark),
//      - a version above the highest step it knows (SchemaTooNew);
//   3. lets the target prepare a database it may change (mark it, create its version record);
//   4. applies each missing step up to `targetVersion` in version order, each in its own
//      transaction together with the new version number: inside the transaction the version is
//      read again and a step another process has applied meanwhile is skipped; a step that fails
//      is rolled back and the version stays at the last step that committed (Database error naming
//      the step).
// Returns the version reached. The steps need not be sorted; two steps with one version, or a
// version below 1, are an Internal error before anything is read. Calling thread only (the
// target's connection).
class MigrationRunner {
public:
    static Result<int> run(MigrationTarget &target, std::vector<Migration> steps, int targetVersion = -1);
    // The highest version among `steps` (0 when there is none).
    static int latestVersion(const std::vector<Migration> &steps);
};

} // namespace mado
