#include "core/receiver/spool/SpoolGauges.h"

#include "core/receiver/spool/Spool.h"
#include "core/database/Sqlite.h"

#include <sqlite3.h>

namespace mado {

namespace {

Result<qint64> queryWithTime(sqlite3 *db, const char *sql, const QByteArray &now)
{
    auto statement = Sqlite::prepare(db, sql);
    if (!statement)
        return statement.error();
    Sqlite::bindText(statement.value().get(), 1, now);
    if (sqlite3_step(statement.value().get()) != SQLITE_ROW)
        return Sqlite::error(db, QStringLiteral("spool gauge query returned no row"));
    return qint64(sqlite3_column_int64(statement.value().get(), 0));
}

void gauge(QByteArray &out, const char *name, const char *help, qint64 value)
{
    out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " gauge\n" + name + ' ' +
           QByteArray::number(value) + '\n';
}

} // namespace

Result<SpoolGauges> SpoolGauges::read(const Spool &spool, const QDateTime &now)
{
    const QByteArray at = Sqlite::time(now);
    return spool.locked([&](sqlite3 *db) -> Result<SpoolGauges> {
        SpoolGauges g;
        const char *waiting =
            "state = 'received' AND manifest IS NOT NULL AND (lease_until IS NULL OR lease_until <= ?1)";
        const struct {
            qint64 *target;
            QByteArray sql;
        } queries[] = {
            {&g.applicationsWaiting, QByteArray("SELECT count(*) FROM applications WHERE ") + waiting},
            {&g.oldestWaitingSeconds,
             QByteArray(
                 "SELECT coalesce(CAST(max(0, (julianday(?1) - julianday(min(received_at))) * 86400) AS INTEGER), 0) "
                 "FROM applications WHERE ") +
                 waiting},
            {&g.applicationsLeased, "SELECT count(*) FROM applications WHERE state = 'received' AND lease_until > ?1"},
            {&g.applicationsImportFailed,
             "SELECT count(*) FROM applications WHERE state = 'import_failed' AND ?1 IS NOT NULL"},
            {&g.pushesPending, "SELECT count(*) FROM push_outbox WHERE state = 'pending' AND ?1 IS NOT NULL"},
            {&g.pushesFailed, "SELECT count(*) FROM push_outbox WHERE state = 'failed' AND ?1 IS NOT NULL"},
            {&g.pushesSkipped, "SELECT count(*) FROM push_outbox WHERE state = 'skipped' AND ?1 IS NOT NULL"},
            {&g.webhookEventsFailed, "SELECT count(*) FROM webhook_events WHERE state = 'failed' AND ?1 IS NOT NULL"},
        };
        for (const auto &query : queries) {
            const auto value = queryWithTime(db, query.sql.constData(), at);
            if (!value)
                return value.error();
            *query.target = value.value();
        }
        return g;
    });
}

QByteArray SpoolGauges::render() const
{
    QByteArray out;
    gauge(out, "madoguchi_receiver_applications_waiting", "Applications waiting for a workstation lease.",
          applicationsWaiting);
    gauge(out, "madoguchi_receiver_applications_oldest_waiting_seconds",
          "Age of the oldest application waiting for a lease (0 when none waits).", oldestWaitingSeconds);
    gauge(out, "madoguchi_receiver_applications_leased", "Applications leased to a workstation, not yet acknowledged.",
          applicationsLeased);
    gauge(out, "madoguchi_receiver_applications_import_failed",
          "Applications a workstation could not import, or leased too often without an ack (tombstones).",
          applicationsImportFailed);
    gauge(out, "madoguchi_receiver_pushes_pending", "LINE push messages queued or being retried.", pushesPending);
    gauge(out, "madoguchi_receiver_pushes_failed", "LINE push messages given up (permanent error or too many tries).",
          pushesFailed);
    gauge(out, "madoguchi_receiver_pushes_skipped", "LINE push messages not sent because the user had unfollowed.",
          pushesSkipped);
    gauge(out, "madoguchi_receiver_webhook_events_failed", "Webhook events whose processing was given up.",
          webhookEventsFailed);
    return out;
}

} // namespace mado
