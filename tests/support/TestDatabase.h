#pragma once

#include "core/domain/Result.h"

#include <QString>

namespace mado::test {

// Where a test's case store lives. Without $MADOGUCHI_TEST_PG_STATE: a SQLite file (the path
// given). With it (the file tests/support/pg-cluster.sh writes: the URL of a throwaway cluster,
// set by ctest for the "_pg" runs of the store, workflow, issuance and audit suites): a new,
// empty PostgreSQL database on that cluster, dropped again (with the store's key file) by the
// destructor. If the variable is set but the cluster cannot be reached, location() is empty and
// error() says why: the test fails, it is never silently run on SQLite instead.
class TestDatabase {
public:
    // sqliteOnly: always the SQLite file, even for the _pg runs (a test that needs both backends).
    explicit TestDatabase(const QString &sqlitePath, bool sqliteOnly = false);
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    // True when the tests run against PostgreSQL ($MADOGUCHI_TEST_PG_STATE set).
    static bool postgresqlRequested();
    // The server URL from the state file (its "postgres" database), or an error.
    static Result<QString> serverUrl();

    bool isPostgresql() const { return m_postgresql; }
    // The store argument for CaseStore::open / --store.
    const QString &location() const { return m_location; }
    const QString &error() const { return m_error; }

private:
    bool m_postgresql = false;
    QString m_location;
    QString m_database;
    QString m_error;
};

} // namespace mado::test
