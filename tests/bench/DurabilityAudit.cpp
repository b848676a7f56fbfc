#include "tests/bench/DurabilityAudit.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <sqlite3.h>

namespace mado::bench {

namespace {

// The first column of every row of sql, on a read-only connection.
Result<QSet<QString>> column(const QString &spoolPath, const char *sql)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(spoolPath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return Error{ErrorCode::Io, QStringLiteral("cannot open %1").arg(spoolPath)};
    }
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt *statement = nullptr;
    QSet<QString> values;
    int rc = sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
    if (rc == SQLITE_OK) {
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
            values.insert(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0))));
    }
    const QString message = QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    if (rc != SQLITE_DONE)
        return Error{ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(spoolPath, message)};
    return values;
}

int missing(const QSet<QString> &present, const std::vector<QString> &wanted)
{
    int count = 0;
    for (const QString &item : wanted)
        count += present.contains(item) ? 0 : 1;
    return count;
}

} // namespace

Result<qint64> DurabilityAudit::pendingEvents(const QString &spoolPath)
{
    const auto counted = column(spoolPath, "SELECT count(*) FROM webhook_events WHERE state = 'pending'");
    if (!counted)
        return counted.error();
    return counted.value().isEmpty() ? 0 : counted.value().begin()->toLongLong();
}

Result<int> DurabilityAudit::missingEvents(const QString &spoolPath, const std::vector<QString> &eventIds)
{
    const auto present = column(spoolPath, "SELECT webhook_event_id FROM webhook_events");
    if (!present)
        return present.error();
    return missing(present.value(), eventIds);
}

Result<int> DurabilityAudit::missingApplications(const QString &spoolPath, const std::vector<QString> &references)
{
    const auto present = column(spoolPath, "SELECT reference FROM applications WHERE manifest IS NOT NULL");
    if (!present)
        return present.error();
    return missing(present.value(), references);
}

Result<int> DurabilityAudit::missingInEventFile(const QString &path, const std::vector<QString> &eventIds)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot open %1").arg(path)};
    QSet<QString> present;
    while (!file.atEnd()) {
        const QJsonObject event = QJsonDocument::fromJson(file.readLine()).object();
        present.insert(event.value(QStringLiteral("webhookEventId")).toString());
    }
    return missing(present, eventIds);
}

} // namespace mado::bench
