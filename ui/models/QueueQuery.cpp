#include "ui/models/QueueQuery.h"

#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/store/StoreTime.h"

#include <QSqlQuery>

namespace mado {

Result<QueuePage> QueueQuery::page(CaseStore &store, const QueueFilter &filter, qint64 afterId, int limit,
                                   bool withCounts)
{
    auto db = store.connections().database();
    if (!db)
        return db.error();
    // Keyset paging on the primary key: each page costs the same, however deep the scroll.
    const QString latestVerdict =
        QStringLiteral("(SELECT v.%1 FROM verdicts v WHERE v.case_id = c.id ORDER BY v.id DESC LIMIT 1)");
    QString sql = QStringLiteral("SELECT c.id, c.reference, c.procedure_key, c.received_at, c.state, u.login, ") +
                  latestVerdict.arg(QStringLiteral("band")) + QStringLiteral(", ") +
                  latestVerdict.arg(QStringLiteral("flags")) +
                  QStringLiteral(" FROM cases c LEFT JOIN users u ON u.id = c.assignee_id WHERE c.id > :after");
    QVariantMap bindings{{QStringLiteral("after"), afterId}, {QStringLiteral("limit"), limit + 1}};
    if (!filter.state.isEmpty()) {
        sql += QStringLiteral(" AND c.state = :state");
        bindings.insert(QStringLiteral("state"), filter.state);
    }
    if (!filter.procedure.isEmpty()) {
        sql += QStringLiteral(" AND c.procedure_key = :procedure");
        bindings.insert(QStringLiteral("procedure"), filter.procedure);
    }
    if (filter.mineUserId > 0) {
        sql += QStringLiteral(" AND c.assignee_id = :mine");
        bindings.insert(QStringLiteral("mine"), filter.mineUserId);
    }
    if (!filter.band.isEmpty()) {
        sql += QStringLiteral(" AND ") + latestVerdict.arg(QStringLiteral("band")) + QStringLiteral(" = :band");
        bindings.insert(QStringLiteral("band"), filter.band);
    }
    if (!filter.reference.isEmpty()) {
        QString pattern = filter.reference;
        pattern.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        sql += QStringLiteral(" AND c.reference LIKE :reference ESCAPE '\\'");
        bindings.insert(QStringLiteral("reference"), QLatin1Char('%') + pattern + QLatin1Char('%'));
    }
    sql += QStringLiteral(" ORDER BY c.id LIMIT :limit");

    auto query = Sql::run(db.value(), sql, bindings);
    if (!query)
        return query.error();
    QueuePage result;
    while (query.value().next()) {
        if (static_cast<int>(result.rows.size()) == limit) {
            result.more = true;
            break;
        }
        const QSqlQuery &q = query.value();
        QueueRow row;
        row.id = q.value(0).toLongLong();
        row.reference = q.value(1).toString();
        row.procedure = q.value(2).toString();
        row.receivedAt = StoreTime::parse(q.value(3).toString());
        row.state = q.value(4).toString();
        row.assignee = q.value(5).toString();
        row.band = q.value(6).toString();
        row.flags = q.value(7).toString();
        result.rows.push_back(std::move(row));
    }
    if (withCounts) {
        auto counts = Sql::run(db.value(), QStringLiteral("SELECT state, COUNT(*) FROM cases GROUP BY state"));
        if (!counts)
            return counts.error();
        while (counts.value().next())
            result.perState.insert(counts.value().value(0).toString(), counts.value().value(1).toLongLong());
    }
    return result;
}

} // namespace mado
