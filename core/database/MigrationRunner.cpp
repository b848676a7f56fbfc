#include "core/database/MigrationRunner.h"

#include "core/domain/DatabaseMarks.h"

#include <algorithm>
#include <functional>

namespace mado {

namespace {

// Madoguchi's other database, named in the refusal ("the database is the receiver's spool, …").
QString markedAs(int mark)
{
    switch (mark) {
    case database_mark::kSpool:
        return QStringLiteral("the receiver's spool");
    case database_mark::kCaseStore:
        return QStringLiteral("a case store");
    default:
        return QStringLiteral("another program's database (application_id %1)").arg(mark);
    }
}

Status refuse(const MigrationTarget &target, const MigrationTarget::State &state, int latest)
{
    if (state.mark != 0 && state.mark != target.mark())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the database is %1, not a %2 (nothing was changed)")
                                                     .arg(markedAs(state.mark), target.kind())};
    if (state.mark == 0 && state.hasTables && !(target.acceptsUnmarkedWithVersion() && state.version > 0))
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("the database has tables, without the %1's mark; refusing to change it "
                                    "(nothing was changed)")
                         .arg(target.kind())};
    if (state.version > latest)
        return Error{ErrorCode::SchemaTooNew,
                     QStringLiteral("the %1 has schema version %2 but this program knows only up to %3; open it with a "
                                    "newer Madoguchi (nothing was changed)")
                         .arg(target.kind())
                         .arg(state.version)
                         .arg(latest)};
    return {};
}

Status checkSteps(const std::vector<Migration> &sorted)
{
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        if (sorted[i].version < 1)
            return Error{ErrorCode::Internal, QStringLiteral("migration step with version %1").arg(sorted[i].version)};
        if (i > 0 && sorted[i].version == sorted[i - 1].version)
            return Error{ErrorCode::Internal, QStringLiteral("two migration steps numbered %1").arg(sorted[i].version)};
    }
    return {};
}

// Calls `undo` when the scope ends, unless dismissed: the target's unlock, a step's rollback.
class OnScopeExit {
public:
    explicit OnScopeExit(std::function<void()> undo) : m_undo(std::move(undo)) {}
    ~OnScopeExit()
    {
        if (m_undo)
            m_undo();
    }
    OnScopeExit(const OnScopeExit &) = delete;
    OnScopeExit &operator=(const OnScopeExit &) = delete;
    void dismiss() { m_undo = nullptr; }

private:
    std::function<void()> m_undo;
};

Error stepFailed(const MigrationTarget &target, const Migration &step, const Error &error)
{
    const QString named = step.name.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(step.name);
    return Error{
        ErrorCode::Database,
        QStringLiteral("%1 migration %2%3 failed: %4").arg(target.kind()).arg(step.version).arg(named, error.message)};
}

// Applies one step in its own transaction, unless the version read inside it says it is there.
Status runStep(MigrationTarget &target, const Migration &step)
{
    if (Status begun = target.begin(); !begun)
        return begun;
    OnScopeExit rollback([&target] { target.rollback(); });
    auto now = target.version();
    if (!now)
        return now.error();
    if (now.value() < step.version) {
        if (Status applied = target.apply(step); !applied)
            return stepFailed(target, step, applied.error());
        if (Status recorded = target.record(step); !recorded)
            return stepFailed(target, step, recorded.error());
    }
    if (Status committed = target.commit(); !committed)
        return committed;
    rollback.dismiss();
    return {};
}

} // namespace

int MigrationRunner::latestVersion(const std::vector<Migration> &steps)
{
    int latest = 0;
    for (const Migration &step : steps)
        latest = std::max(latest, step.version);
    return latest;
}

Result<int> MigrationRunner::run(MigrationTarget &target, std::vector<Migration> steps, int targetVersion)
{
    std::stable_sort(steps.begin(), steps.end(),
                     [](const Migration &a, const Migration &b) { return a.version < b.version; });
    if (Status valid = checkSteps(steps); !valid)
        return valid.error();
    const int latest = latestVersion(steps);
    if (targetVersion < 0 || targetVersion > latest)
        targetVersion = latest;

    if (Status locked = target.lock(); !locked)
        return locked.error();
    OnScopeExit unlock([&target] { target.unlock(); });
    auto state = target.inspect();
    if (!state)
        return state.error();
    if (Status refused = refuse(target, state.value(), latest); !refused)
        return refused.error();
    if (Status prepared = target.prepare(state.value()); !prepared)
        return prepared.error();

    int reached = state.value().version;
    for (const Migration &step : steps) {
        if (step.version <= reached || step.version > targetVersion)
            continue;
        if (Status done = runStep(target, step); !done)
            return done.error();
        reached = step.version;
    }
    return reached;
}

} // namespace mado
