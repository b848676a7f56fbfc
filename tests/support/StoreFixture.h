#pragma once

#include "core/domain/CaseState.h"
#include "core/domain/Verdict.h"
#include "core/store/CaseStore.h"
#include "core/workflow/WorkflowOptions.h"
#include "tests/support/MockClock.h"
#include "tests/support/TestDatabase.h"

#include <QMap>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace mado::test {

// A real case store with a mock clock and staff accounts: a SQLite file in a temporary directory,
// or a new PostgreSQL database when the tests run against PostgreSQL (TestDatabase):
// admin, clerk1, clerk2, sup1, sup2 (all with kPassword), and one resident register entry for the
// specimen applicant whose kana and address differ from the form's (so tests can tell them apart).
// caseIn() drives a new case through the real workflow to any state.
class StoreFixture {
public:
    static constexpr const char *kPassword = "correct horse battery";
    enum class Backend { AsTheRunSays, Sqlite };
    // The case's clerk is clerk1; batches are approved or returned by sup1. Backend::Sqlite: a
    // SQLite file even in the _pg runs (tests that need both backends, e.g. store copies).
    explicit StoreFixture(WorkflowOptions options = {}, Backend backend = Backend::AsTheRunSays);
    // Fills the new, empty store at `location` (a store argument) instead of a database of its own
    // (tests that connect as a particular PostgreSQL role; the caller removes the store).
    explicit StoreFixture(const QString &location, WorkflowOptions options = {});

    bool ok() const { return m_ok; }
    CaseStore &store() { return *m_store; }
    MockClock &clock() { return m_clock; }
    // The SQLite file (also named, unused, when the store is on PostgreSQL).
    QString path() const { return m_dir.filePath(QStringLiteral("store.sqlite")); }
    // The store argument: path() or the PostgreSQL database's URL.
    const QString &location() const { return m_location.isEmpty() ? m_database.location() : m_location; }
    bool isPostgresql() const { return m_database.isPostgresql() || m_location.startsWith(QLatin1String("postgres")); }
    QString dir() const { return m_dir.path(); }
    qint64 user(const QString &login) const { return m_users.value(login); }
    const WorkflowOptions &options() const { return m_options; }

    // Lets the test edit audit rows directly, as someone with the store owner's rights would: on
    // PostgreSQL the append-only triggers are switched off (the hash chain must still find the
    // edit); nothing to do on SQLite. False (with a warning) if that fails.
    bool allowAuditTampering();
    // A bundle with a fresh application id for `procedure`.
    CaseBundle bundle(const QString &procedure = QStringLiteral("tax_certificate"));
    static Verdict matchVerdict(const QString &applicationId);
    // Stores an application as the Importer does: the procedure policy decides the hold
    // (ProcedurePolicy::importHold), then CaseStore::storeImportedCase.
    static Result<CaseStore::ImportResult> importWithPolicy(CaseStore &store, const CaseBundle &bundle,
                                                            const std::vector<SanitizedImage> &images,
                                                            const std::optional<Verdict> &verdict);
    // Imports a new case and moves it to `state` (Held: a juminhyo_copy case); 0 on failure (with a warning).
    qint64 caseIn(CaseState state, const QString &procedure = QStringLiteral("tax_certificate"));

private:
    void setUp();

    QTemporaryDir m_dir;
    MockClock m_clock;
    WorkflowOptions m_options;
    Backend m_backend;
    TestDatabase m_database{path(), m_backend == Backend::Sqlite};
    QString m_location; // given by the caller, else m_database's
    std::unique_ptr<CaseStore> m_store;
    QMap<QString, qint64> m_users;
    int m_next = 0;
    bool m_ok = false;
};

} // namespace mado::test
