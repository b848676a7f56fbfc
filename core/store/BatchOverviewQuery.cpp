#include "core/store/BatchOverviewQuery.h"

#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/store/StoreTime.h"

#include <QHash>

namespace mado {

namespace {

// The columns every case line is read with (the first six of each case statement).
const char *const kCaseColumns = "c.id, c.reference, c.procedure_key, c.state, c.outcome, u.login";

BatchCaseLine caseLine(const QSqlQuery &q)
{
    BatchCaseLine line;
    line.caseId = q.value(0).toLongLong();
    line.reference = q.value(1).toString();
    line.procedure = q.value(2).toString();
    line.state = q.value(3).toString();
    line.outcome = q.value(4).toString();
    line.decidedBy = q.value(5).toString();
    return line;
}

} // namespace

Result<BatchOverview> BatchOverviewQuery::load(qint64 viewerId, int maxBatches)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    BatchOverview overview;
    auto unbatched =
        Sql::run(db.value(), QStringLiteral("SELECT %1 FROM cases c LEFT JOIN users u ON u.id = c.decided_by "
                                            "WHERE c.state = 'decided' AND c.batch_id IS NULL ORDER BY c.id")
                                 .arg(QLatin1String(kCaseColumns)));
    if (!unbatched)
        return unbatched.error();
    while (unbatched.value().next())
        overview.unbatched.push_back(caseLine(unbatched.value()));

    auto batches = Sql::run(
        db.value(),
        QStringLiteral("SELECT b.id, b.state, s.login, b.submitted_at, a.login, "
                       "CASE WHEN EXISTS (SELECT 1 FROM batch_cases bc JOIN decisions d ON d.case_id = bc.case_id "
                       "                  WHERE bc.batch_id = b.id AND d.decided_by = :viewer) THEN 1 ELSE 0 END "
                       "FROM batches b JOIN users s ON s.id = b.submitted_by LEFT JOIN users a ON a.id = b.approved_by "
                       "ORDER BY b.id DESC LIMIT :limit"),
        {{QStringLiteral("viewer"), viewerId}, {QStringLiteral("limit"), maxBatches}});
    if (!batches)
        return batches.error();
    QHash<qint64, size_t> position;
    while (batches.value().next()) {
        const QSqlQuery &q = batches.value();
        BatchLine line;
        line.id = q.value(0).toLongLong();
        line.state = q.value(1).toString();
        line.submittedBy = q.value(2).toString();
        line.submittedAt = StoreTime::parse(q.value(3).toString());
        line.approvedBy = q.value(4).toString();
        line.containsOwnDecision = q.value(5).toInt() != 0;
        position.insert(line.id, overview.batches.size());
        overview.batches.push_back(std::move(line));
    }
    if (overview.batches.empty())
        return overview;
    auto cases = Sql::run(db.value(),
                          QStringLiteral("SELECT %1, bc.batch_id FROM batch_cases bc JOIN cases c ON c.id = bc.case_id "
                                         "LEFT JOIN users u ON u.id = c.decided_by WHERE bc.batch_id >= :oldest "
                                         "ORDER BY bc.batch_id, c.id")
                              .arg(QLatin1String(kCaseColumns)),
                          {{QStringLiteral("oldest"), overview.batches.back().id}});
    if (!cases)
        return cases.error();
    while (cases.value().next()) {
        const auto it = position.constFind(cases.value().value(6).toLongLong());
        if (it != position.constEnd())
            overview.batches[it.value()].cases.push_back(caseLine(cases.value()));
    }
    return overview;
}

} // namespace mado
