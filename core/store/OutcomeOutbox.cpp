#include "core/store/OutcomeOutbox.h"

#include "core/store/AuditChain.h"
#include "core/store/CaseStore.h"
#include "core/store/Sql.h"
#include "core/store/SqlTransaction.h"
#include "core/store/StoreTime.h"

#include <QSqlQuery>

#include <algorithm>

namespace mado {

OutcomeOutbox::OutcomeOutbox(CaseStore &store) : m_store(store) {}

Status OutcomeOutbox::enqueue(const QSqlDatabase &db, qint64 caseId, const QString &outcome, const QString &reason,
                              const QDateTime &now)
{
    const QString at = StoreTime::format(now);
    auto inserted = Sql::run(db,
                             QStringLiteral("INSERT INTO outcome_outbox (case_id, outcome, reason, created_at, "
                                            "next_attempt_at) VALUES (:c, :o, :r, :at, :at) "
                                            "ON CONFLICT (case_id, outcome) DO NOTHING"),
                             {{QStringLiteral("c"), caseId},
                              {QStringLiteral("o"), outcome},
                              {QStringLiteral("r"), reason.isEmpty() ? Sql::null() : QVariant(reason)},
                              {QStringLiteral("at"), at}});
    if (!inserted)
        return inserted.error();
    return {};
}

int OutcomeOutbox::backoffSeconds(int attempts)
{
    if (attempts <= 1)
        return kFirstRetrySeconds;
    // Doubling; the shift is bounded so that it cannot overflow.
    const qint64 seconds = qint64(kFirstRetrySeconds) << std::min(attempts - 1, 20);
    return int(std::min<qint64>(seconds, kMaxRetrySeconds));
}

Result<std::vector<PendingOutcome>> OutcomeOutbox::due(int limit)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    auto rows =
        Sql::run(db.value(),
                 QStringLiteral("SELECT o.id, o.case_id, c.application_id, o.outcome, o.reason, o.attempts, "
                                "o.next_attempt_at, o.last_error FROM outcome_outbox o "
                                "JOIN cases c ON c.id = o.case_id WHERE o.delivered_at IS NULL "
                                "AND o.next_attempt_at <= :now ORDER BY o.id LIMIT :limit"),
                 {{QStringLiteral("now"), StoreTime::format(m_store.clock().now())}, {QStringLiteral("limit"), limit}});
    if (!rows)
        return rows.error();
    std::vector<PendingOutcome> pending;
    QSqlQuery &q = rows.value();
    while (q.next()) {
        PendingOutcome p;
        p.id = q.value(0).toLongLong();
        p.caseId = q.value(1).toLongLong();
        p.applicationId = q.value(2).toString();
        p.outcome = q.value(3).toString();
        p.reason = q.value(4).toString();
        p.attempts = q.value(5).toInt();
        p.nextAttemptAt = StoreTime::parse(q.value(6).toString());
        p.lastError = q.value(7).toString();
        pending.push_back(p);
    }
    return pending;
}

Result<int> OutcomeOutbox::pendingCount()
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    auto count =
        Sql::scalar(db.value(), QStringLiteral("SELECT COUNT(*) FROM outcome_outbox WHERE delivered_at IS NULL"));
    if (!count)
        return count.error();
    return count.value().toInt();
}

Result<bool> OutcomeOutbox::isPending(qint64 caseId, const QString &outcome)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    auto count = Sql::scalar(db.value(),
                             QStringLiteral("SELECT COUNT(*) FROM outcome_outbox WHERE case_id = :c AND outcome = :o "
                                            "AND delivered_at IS NULL"),
                             {{QStringLiteral("c"), caseId}, {QStringLiteral("o"), outcome}});
    if (!count)
        return count.error();
    return count.value().toInt() > 0;
}

Status OutcomeOutbox::markDelivered(qint64 caseId, const QString &outcome, const QString &actor)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    SqlTransaction transaction(db.value());
    if (!transaction.begun().ok())
        return transaction.begun().error();
    const QDateTime now = m_store.clock().now();
    auto updated = Sql::run(db.value(),
                            QStringLiteral("UPDATE outcome_outbox SET delivered_at = :now, last_error = NULL "
                                           "WHERE case_id = :c AND outcome = :o AND delivered_at IS NULL"),
                            {{QStringLiteral("now"), StoreTime::format(now)},
                             {QStringLiteral("c"), caseId},
                             {QStringLiteral("o"), outcome}});
    if (!updated)
        return updated.error();
    if (outcome == QLatin1String("issued")) {
        // The applicant has been told: the case's last step. Only from issued (a repeated delivery
        // finds it notified already and changes nothing).
        auto notified = Sql::run(db.value(),
                                 QStringLiteral("UPDATE cases SET state = 'notified' WHERE id = :c AND state = 'issued'"),
                                 {{QStringLiteral("c"), caseId}});
        if (!notified)
            return notified.error();
        if (notified.value().numRowsAffected() == 1) {
            auto decided = Sql::scalar(db.value(), QStringLiteral("SELECT outcome FROM cases WHERE id = :c"),
                                       {{QStringLiteral("c"), caseId}});
            if (!decided)
                return decided.error();
            const AuditChain::Entry entry{0,
                                          now,
                                          actor,
                                          QStringLiteral("case_notified"),
                                          QStringLiteral("case:%1").arg(caseId),
                                          {{QStringLiteral("outcome"), decided.value().toString()},
                                           {QStringLiteral("notice"), outcome}}};
            if (Status audited = AuditChain::append(db.value(), entry); !audited)
                return audited;
        }
    }
    return transaction.commit();
}

Status OutcomeOutbox::markFailed(qint64 caseId, const QString &outcome, const QString &error)
{
    auto db = m_store.connections().database();
    if (!db)
        return db.error();
    SqlTransaction transaction(db.value());
    if (!transaction.begun().ok())
        return transaction.begun().error();
    const QVariantMap key{{QStringLiteral("c"), caseId}, {QStringLiteral("o"), outcome}};
    auto attempts =
        Sql::scalar(db.value(),
                    QStringLiteral("SELECT attempts FROM outcome_outbox WHERE case_id = :c AND outcome = :o "
                                   "AND delivered_at IS NULL"),
                    key);
    if (!attempts) {
        // Nothing pending (delivered meanwhile, or never queued): nothing to count.
        if (attempts.error().code == ErrorCode::NotFound)
            return {};
        return attempts.error();
    }
    const int count = attempts.value().toInt() + 1;
    QVariantMap values = key;
    values.insert(QStringLiteral("n"), count);
    values.insert(QStringLiteral("next"), StoreTime::format(m_store.clock().now().addSecs(backoffSeconds(count))));
    values.insert(QStringLiteral("e"), error.left(200));
    auto updated = Sql::run(db.value(),
                            QStringLiteral("UPDATE outcome_outbox SET attempts = :n, next_attempt_at = :next, "
                                           "last_error = :e WHERE case_id = :c AND outcome = :o"),
                            values);
    if (!updated)
        return updated.error();
    return transaction.commit();
}

} // namespace mado
