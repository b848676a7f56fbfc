#include "tests/bench/StoreBench.h"

#include "core/store/CaseQueue.h"
#include "core/store/Sql.h"
#include "core/store/SqlTransaction.h"
#include "core/workflow/CaseWorkflow.h"
#include "tests/support/StoreFixture.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlRecord>

#include <algorithm>

namespace mado::bench {

namespace {

// The generated series 2..N (the first case is the real one): portable SQL, SQLite and PostgreSQL.
QString series(int cases)
{
    return QStringLiteral("WITH RECURSIVE s(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM s WHERE i < %1) ").arg(cases);
}

Status fill(CaseStore &store, qint64 templateId, qint64 clerk, int cases)
{
    auto db = store.connections().database();
    if (!db)
        return db.error();
    const QSqlRecord record = db.value().record(QStringLiteral("cases"));
    QStringList copied; // every column but the ones that differ per case
    for (int i = 0; i < record.count(); ++i) {
        const QString name = record.fieldName(i).toLower();
        if (name != QLatin1String("id") && name != QLatin1String("application_id") &&
            name != QLatin1String("reference"))
            copied << name;
    }
    SqlTransaction transaction(db.value());
    if (!transaction.begun().ok())
        return transaction.begun();
    const QStringList statements{
        series(cases) +
            QStringLiteral("INSERT INTO cases (id, application_id, reference, %1) "
                           "SELECT s.i, 'bench-' || s.i, 'B-' || s.i, %2 FROM s, cases c WHERE c.id = %3")
                .arg(copied.join(QStringLiteral(", ")), QStringLiteral("c.") + copied.join(QStringLiteral(", c.")))
                .arg(templateId),
        QStringLiteral(
            "INSERT INTO verdicts (case_id, created_at, band, overall, flags, match_distance, engine_version, "
            "thresholds_version, verdict_json) SELECT c.id, v.created_at, CASE WHEN c.id % 3 = 0 THEN "
            "'review' ELSE v.band END, v.overall, v.flags, v.match_distance, v.engine_version, "
            "v.thresholds_version, v.verdict_json FROM cases c, verdicts v WHERE v.case_id = %1 AND c.id <> %1")
            .arg(templateId),
        QStringLiteral("INSERT INTO images (case_id, role, width, height, sha256, source_sha256, bytes) SELECT c.id, "
                       "i.role, i.width, i.height, i.sha256, i.source_sha256, i.bytes FROM cases c, images i "
                       "WHERE i.case_id = %1 AND c.id <> %1")
            .arg(templateId),
        // 70% closed (decided and notified), 30% waiting in the queue, spread over the whole range.
        QStringLiteral("UPDATE cases SET state = 'notified', outcome = 'approved', decided_by = %1, "
                       "decided_at = imported_at WHERE id % 10 < 7 AND id <> %2")
            .arg(clerk)
            .arg(templateId),
    };
    for (const QString &statement : statements) {
        if (auto ran = Sql::run(db.value(), statement); !ran)
            return ran.error();
    }
    if (Sql::isPostgresql(db.value())) {
        // Ids were given: the identity continues after them.
        if (auto reset = Sql::run(db.value(), QStringLiteral("SELECT setval(pg_get_serial_sequence('cases', 'id'), "
                                                             "(SELECT MAX(id) FROM cases))"));
            !reset)
            return reset.error();
    }
    if (auto committed = transaction.commit(); !committed.ok())
        return committed;
    // PostgreSQL's autovacuum analyses a table this size within a minute; do it now.
    if (Sql::isPostgresql(db.value())) {
        if (auto analysed = Sql::run(db.value(), QStringLiteral("ANALYZE")); !analysed)
            return analysed.error();
    }
    return {};
}

template <typename Work> Status timed(std::vector<double> &into, Work work)
{
    QElapsedTimer timer;
    timer.start();
    Status status = work();
    into.push_back(double(timer.nsecsElapsed()) / 1e6);
    return status;
}

} // namespace

QStringList StoreBench::operations()
{
    return {QStringLiteral("queue_first_page"), QStringLiteral("open_case"), QStringLiteral("claim"),
            QStringLiteral("decide")};
}

double StoreBench::median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double StoreBench::percentile95(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(double(values.size()) * 0.95))];
}

Result<StoreBench::Measurement> StoreBench::run(const QString &location, int cases, int rounds)
{
    test::StoreFixture f(location);
    if (!f.ok())
        return Error{ErrorCode::Database, QStringLiteral("cannot set up the store at ") + location};
    Measurement m;
    m.backend = f.isPostgresql() ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
    m.cases = cases;
    QElapsedTimer fillTimer;
    fillTimer.start();
    const qint64 templateId = f.caseIn(CaseState::Verified);
    const qint64 clerk = f.user(QStringLiteral("clerk1"));
    if (templateId != 1)
        return Error{ErrorCode::Internal, QStringLiteral("the template case is not case 1")};
    if (auto filled = fill(f.store(), templateId, clerk, cases); !filled.ok())
        return filled.error();
    m.fillMs = fillTimer.elapsed();

    CaseQueue queue(f.store());
    CaseWorkflow workflow(f.store(), f.options());
    QueueFilter waiting;
    waiting.states = CaseQueue::waitingStates();
    auto *random = QRandomGenerator::global();
    for (int round = 0; round < rounds; ++round) {
        // A waiting case from anywhere in the store (id % 10 >= 7), never one taken before.
        qint64 id = 0;
        do {
            id = random->bounded(2, cases + 1);
        } while (id % 10 < 7 || f.store().caseStatus(id).value().state != CaseState::Verified);
        Status status = timed(m.milliseconds[QStringLiteral("queue_first_page")], [&]() -> Status {
            auto page = queue.page(clerk, waiting);
            if (!page)
                return page.error();
            return !page.value().entries.empty() ? Status{}
                                                 : Status{Error{ErrorCode::Internal, QStringLiteral("empty queue")}};
        });
        if (status.ok())
            status = timed(m.milliseconds[QStringLiteral("open_case")], [&]() -> Status {
                auto opened = f.store().viewCase(clerk, id);
                if (!opened)
                    return opened.error();
                auto verdict = f.store().latestVerdict(id);
                if (!verdict)
                    return verdict.error();
                auto image = f.store().viewImage(clerk, id, QStringLiteral("document_front"));
                return image ? Status{} : Status{image.error()};
            });
        if (status.ok())
            status = timed(m.milliseconds[QStringLiteral("claim")], [&] { return workflow.claim(clerk, id); });
        if (status.ok())
            status = timed(m.milliseconds[QStringLiteral("decide")], [&] {
                return workflow.decide(clerk, id, {DecisionOutcome::Approved, QString(), QString()});
            });
        if (!status.ok())
            return Error{status.error().code, QStringLiteral("round %1: %2").arg(round).arg(status.error().message)};
    }
    return m;
}

} // namespace mado::bench
