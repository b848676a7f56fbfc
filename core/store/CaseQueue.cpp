#include "core/store/CaseQueue.h"

#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/store/StoreTime.h"

namespace mado {

namespace {

// A LIKE pattern that finds `text` literally anywhere: its wildcards are escaped with '!'
// (not a backslash, which PostgreSQL and SQLite quote differently in string literals).
QString containsPattern(QString text)
{
    text.replace(QLatin1Char('!'), QStringLiteral("!!"))
        .replace(QLatin1Char('%'), QStringLiteral("!%"))
        .replace(QLatin1Char('_'), QStringLiteral("!_"));
    return QLatin1Char('%') + text + QLatin1Char('%');
}

bool claimable(CaseState state)
{
    return state == CaseState::Verified || state == CaseState::Held || state == CaseState::Claimed ||
           state == CaseState::Returned;
}

} // namespace

QStringList CaseQueue::waitingStates()
{
    return {QStringLiteral("verified"), QStringLiteral("held"), QStringLiteral("claimed"), QStringLiteral("returned")};
}

Result<QueuePage> CaseQueue::page(qint64 viewerId, const QueueFilter &filter, qint64 afterId, int limit)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    // The filters on the case itself; the band lives in the latest verdict.
    QString where = QStringLiteral("c.id > :after");
    // One more row than asked for tells whether another page follows.
    QVariantMap bindings{{QStringLiteral("after"), afterId}, {QStringLiteral("limit"), limit + 1}};
    if (!filter.states.isEmpty()) {
        QStringList names;
        for (int i = 0; i < filter.states.size(); ++i) {
            const QString name = QStringLiteral("state%1").arg(i);
            names.append(QLatin1Char(':') + name);
            bindings.insert(name, filter.states.at(i));
        }
        where += QStringLiteral(" AND c.state IN (%1)").arg(names.join(QStringLiteral(", ")));
    }
    if (!filter.procedure.isEmpty()) {
        where += QStringLiteral(" AND c.procedure_key = :procedure");
        bindings.insert(QStringLiteral("procedure"), filter.procedure);
    }
    if (filter.assigneeId > 0) {
        where += QStringLiteral(" AND c.assignee_id = :assignee");
        bindings.insert(QStringLiteral("assignee"), filter.assigneeId);
    }
    if (!filter.reference.isEmpty()) {
        where += QStringLiteral(" AND c.reference LIKE :reference ESCAPE '!'");
        bindings.insert(QStringLiteral("reference"), containsPattern(filter.reference));
    }
    // Without a band filter the page is cut from the cases alone, before the verdict and user
    // joins: otherwise SQLite joins the latest verdict of every waiting case and sorts them all
    // before the limit (3.7 s for 30,000 waiting cases; docs/performance.md).
    QString cases = QStringLiteral("cases");
    if (filter.band.isEmpty()) {
        cases = QStringLiteral("(SELECT * FROM cases c WHERE %1 ORDER BY c.id LIMIT :cut)").arg(where);
        bindings.insert(QStringLiteral("cut"), limit + 1);
        where = QStringLiteral("1 = 1");
    } else {
        where += QStringLiteral(" AND v.band = :band");
        bindings.insert(QStringLiteral("band"), filter.band);
    }
    const QString sql = QStringLiteral(
        "SELECT c.id, c.reference, c.procedure_key, c.state, c.received_at, c.hold_reason, c.resubmission_count, "
        "c.assignee_id, c.claim_expires_at, u.login, v.band, v.overall, v.flags "
        "FROM %1 c LEFT JOIN users u ON u.id = c.assignee_id "
        "LEFT JOIN verdicts v ON v.id = (SELECT MAX(w.id) FROM verdicts w WHERE w.case_id = c.id) "
        "WHERE %2 ORDER BY c.id LIMIT :limit").arg(cases, where);

    auto rows = Sql::run(db.value(), sql, bindings);
    if (!rows)
        return rows.error();
    const QDateTime now = m_store.clock().now();
    QueuePage page;
    QSqlQuery &q = rows.value();
    while (q.next()) {
        if (static_cast<int>(page.entries.size()) == limit) {
            page.more = true;
            break;
        }
        QueueEntry e;
        e.caseId = q.value(0).toLongLong();
        e.reference = q.value(1).toString();
        e.procedure = q.value(2).toString();
        e.state = caseStateFromName(q.value(3).toString()).value_or(CaseState::Received);
        e.receivedAt = StoreTime::parse(q.value(4).toString());
        e.held = !q.value(5).isNull();
        e.resubmissionCount = q.value(6).toInt();
        e.assigneeId = q.value(7).toLongLong();
        if (!q.value(8).isNull())
            e.claimExpiresAt = StoreTime::parse(q.value(8).toString());
        e.assignee = q.value(9).toString();
        e.band = q.value(10).toString();
        e.overall = q.value(11).toString();
        e.flags = q.value(12).toString();
        // The same rule as CaseWorkflow::claim: free, the viewer's own, or an expired claim.
        const bool free =
            e.assigneeId == 0 || e.assigneeId == viewerId || !e.claimExpiresAt.isValid() || e.claimExpiresAt <= now;
        e.available = claimable(e.state) && (e.state == CaseState::Verified || e.state == CaseState::Held || free);
        page.entries.push_back(std::move(e));
    }
    return page;
}

Result<QMap<QString, qint64>> CaseQueue::countsPerState()
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    auto rows = Sql::run(db.value(), QStringLiteral("SELECT state, COUNT(*) FROM cases GROUP BY state"));
    if (!rows)
        return rows.error();
    QMap<QString, qint64> counts;
    while (rows.value().next())
        counts.insert(rows.value().value(0).toString(), rows.value().value(1).toLongLong());
    return counts;
}

} // namespace mado
