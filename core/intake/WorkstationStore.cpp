#include "core/intake/WorkstationStore.h"

#include "core/intake/ApplicationStore.h"
#include "core/intake/DurableFiles.h"
#include "core/intake/Spool.h"
#include "core/intake/Sqlite.h"
#include "core/intake/SqliteTransaction.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <sqlite3.h>

namespace mado {

namespace {

QByteArray iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs).toUtf8();
}

void bind(sqlite3_stmt *statement, int index, const QByteArray &text)
{
    sqlite3_bind_text(statement, index, text.constData(), int(text.size()), SQLITE_TRANSIENT);
}

QString column(sqlite3_stmt *statement, int index)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, index)),
                             sqlite3_column_bytes(statement, index));
}

struct Row {
    QString reference;
    QString userId;
    QString state;
    QString holder;
    QString leaseUntil;
    QByteArray manifest;
    bool hasManifest = false;
};

Result<Row> readRow(sqlite3 *db, const QString &id)
{
    auto select = Sqlite::prepare(db, "SELECT reference, user_id, state, coalesce(lease_holder, ''), "
                                      "coalesce(lease_until, ''), manifest FROM applications WHERE id = ?1");
    if (!select)
        return select.error();
    bind(select.value().get(), 1, id.toUtf8());
    const int rc = sqlite3_step(select.value().get());
    if (rc == SQLITE_DONE)
        return Error{ErrorCode::NotFound, QStringLiteral("no such application")};
    if (rc != SQLITE_ROW)
        return Sqlite::error(db, QStringLiteral("cannot read application"));
    sqlite3_stmt *s = select.value().get();
    Row row{column(s, 0),
            column(s, 1),
            column(s, 2),
            column(s, 3),
            column(s, 4),
            column(s, 5).toUtf8(),
            sqlite3_column_type(s, 5) != SQLITE_NULL};
    return row;
}

QString messageText(WorkstationStore::Outcome outcome, const QString &reference, const QString &reason)
{
    const QString why = reason.isEmpty() ? QString() : QStringLiteral("\n理由: ") + reason;
    switch (outcome) {
    case WorkstationStore::Outcome::Approved:
        return QStringLiteral("【窓口】お申し込み（受付番号 %1）の本人確認が完了し、承認されました。").arg(reference);
    case WorkstationStore::Outcome::Rejected:
        return QStringLiteral("【窓口】お申し込み（受付番号 %1）はお受けできませんでした。").arg(reference) + why;
    case WorkstationStore::Outcome::ResubmissionRequested:
        return QStringLiteral("【窓口】お申し込み（受付番号 %1）について、書類の再提出をお願いします。"
                              "このトークに写真を送ってください。")
                   .arg(reference) +
               why;
    case WorkstationStore::Outcome::Issued:
        return QStringLiteral("【窓口】証明書（受付番号 %1）を発行し、郵送しました。").arg(reference);
    }
    return QString();
}

} // namespace

std::optional<WorkstationStore::Outcome> WorkstationStore::outcomeFromName(const QString &name)
{
    for (Outcome o : {Outcome::Approved, Outcome::Rejected, Outcome::ResubmissionRequested, Outcome::Issued}) {
        if (outcomeName(o) == name)
            return o;
    }
    return std::nullopt;
}

QString WorkstationStore::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Approved:
        return QStringLiteral("approved");
    case Outcome::Rejected:
        return QStringLiteral("rejected");
    case Outcome::ResubmissionRequested:
        return QStringLiteral("resubmission_requested");
    case Outcome::Issued:
        return QStringLiteral("issued");
    }
    return QString();
}

Result<std::vector<Lease>> WorkstationStore::lease(const QString &holder, int count, int seconds, const QDateTime &now)
{
    const QDateTime until = QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch(), Qt::UTC).addSecs(seconds);
    return m_spool.locked([&](sqlite3 *db) -> Result<std::vector<Lease>> {
        SqliteTransaction transaction(db);
        if (!transaction.begun().ok())
            return transaction.begun().error();
        auto update =
            Sqlite::prepare(db, "UPDATE applications SET lease_holder = ?1, lease_until = ?2 WHERE seq IN ("
                                "SELECT seq FROM applications WHERE state = 'received' AND manifest IS NOT NULL "
                                "AND (lease_until IS NULL OR lease_until <= ?3) ORDER BY seq LIMIT ?4) "
                                "RETURNING id, reference, seq");
        if (!update)
            return update.error();
        bind(update.value().get(), 1, holder.toUtf8());
        bind(update.value().get(), 2, iso(until));
        bind(update.value().get(), 3, iso(now));
        sqlite3_bind_int(update.value().get(), 4, count);
        std::vector<std::pair<qint64, Lease>> rows;
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(update.value().get())) == SQLITE_ROW)
            rows.emplace_back(sqlite3_column_int64(update.value().get(), 2),
                              Lease{column(update.value().get(), 0), column(update.value().get(), 1), until});
        if (rc != SQLITE_DONE)
            return Sqlite::error(db, QStringLiteral("cannot lease applications"));
        update = Sqlite::Statement();
        if (Status committed = transaction.commit(); !committed)
            return committed.error();
        std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        std::vector<Lease> leases;
        for (auto &row : rows)
            leases.push_back(std::move(row.second));
        return leases;
    });
}

Result<std::vector<std::pair<QString, QByteArray>>>
WorkstationStore::bundleFiles(const QString &id, const QString &holder, const QDateTime &now)
{
    const auto row = m_spool.locked([&](sqlite3 *db) { return readRow(db, id); });
    if (!row)
        return row.error();
    if (!row.value().hasManifest)
        return Error{ErrorCode::Gone, QStringLiteral("the application was acknowledged; its data is deleted")};
    if (row.value().holder != holder || row.value().leaseUntil <= QString::fromUtf8(iso(now)))
        return Error{ErrorCode::Conflict, QStringLiteral("lease the application first (or the lease expired)")};
    std::vector<std::pair<QString, QByteArray>> files{{QStringLiteral("case.json"), row.value().manifest}};
    const QJsonObject manifest = QJsonDocument::fromJson(row.value().manifest).object();
    QStringList names{manifest[QStringLiteral("document")][QStringLiteral("front")][QStringLiteral("file")].toString()};
    const QJsonValue tilted = manifest[QStringLiteral("document")][QStringLiteral("tilted")];
    if (tilted.isObject())
        names << tilted[QStringLiteral("file")].toString();
    for (const QJsonValue &frame : manifest[QStringLiteral("selfie")][QStringLiteral("frames")].toArray())
        names << frame[QStringLiteral("image")][QStringLiteral("file")].toString();
    const QString directory = ApplicationStore(m_spool).directoryOf(id);
    for (const QString &name : names) {
        QFile file(directory + QLatin1Char('/') + name);
        if (!file.open(QIODevice::ReadOnly))
            return Error{ErrorCode::Io, QStringLiteral("application %1: cannot read %2").arg(id, name)};
        files.emplace_back(name, file.readAll());
    }
    return files;
}

Status WorkstationStore::acknowledge(const QString &id, const QString &holder, const QDateTime &now)
{
    const Status status = m_spool.locked([&](sqlite3 *db) -> Status {
        SqliteTransaction transaction(db);
        if (!transaction.begun().ok())
            return transaction.begun();
        const auto row = readRow(db, id);
        if (!row)
            return row.error();
        if (row.value().holder != holder)
            return Error{ErrorCode::Conflict, QStringLiteral("the application is leased by another workstation")};
        if (!row.value().hasManifest)
            return {};
        auto update = Sqlite::prepare(db, "UPDATE applications SET manifest = NULL, state = 'acknowledged', "
                                          "acknowledged_at = ?2, "
                                          "lease_until = NULL WHERE id = ?1");
        if (!update)
            return update.error();
        bind(update.value().get(), 1, id.toUtf8());
        bind(update.value().get(), 2, iso(now));
        if (sqlite3_step(update.value().get()) != SQLITE_DONE)
            return Sqlite::error(db, QStringLiteral("cannot acknowledge application"));
        update = Sqlite::Statement();
        return transaction.commit();
    });
    // After the commit: a crash here leaves a directory without a manifest, which recovery removes.
    if (status)
        DurableFiles::removeTree(ApplicationStore(m_spool).directoryOf(id));
    return status;
}

Result<bool> WorkstationStore::recordOutcome(const QString &id, Outcome outcome, const QString &reason,
                                             const QDateTime &now)
{
    const QString name = outcomeName(outcome);
    return m_spool.locked([&](sqlite3 *db) -> Result<bool> {
        SqliteTransaction transaction(db);
        if (!transaction.begun().ok())
            return transaction.begun().error();
        const auto row = readRow(db, id);
        if (!row)
            return row.error();
        const QString &state = row.value().state;
        if (state == name)
            return false;
        // A decision follows the ack, or a resubmission request once the new photos are in.
        const bool decision = outcome != Outcome::Issued && (state == QLatin1String("acknowledged") ||
                                                             state == QLatin1String("resubmission_requested"));
        const bool issue = outcome == Outcome::Issued && state == QLatin1String("approved");
        if (!decision && !issue)
            return Error{ErrorCode::Conflict,
                         QStringLiteral("outcome %1 does not follow state %2 (acknowledge first)").arg(name, state)};
        auto update = Sqlite::prepare(db, "UPDATE applications SET state = ?2 WHERE id = ?1");
        if (!update)
            return update.error();
        bind(update.value().get(), 1, id.toUtf8());
        bind(update.value().get(), 2, name.toUtf8());
        if (sqlite3_step(update.value().get()) != SQLITE_DONE)
            return Sqlite::error(db, QStringLiteral("cannot record outcome"));
        const QJsonObject body{
            {QStringLiteral("to"), row.value().userId},
            {QStringLiteral("messages"),
             QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                    {QStringLiteral("text"), messageText(outcome, row.value().reference, reason)}}}}};
        auto insert = Sqlite::prepare(db, "INSERT INTO push_outbox (application_id, kind, user_id, retry_key, body, "
                                          "next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                                          "ON CONFLICT (application_id, kind) DO NOTHING");
        if (!insert)
            return insert.error();
        bind(insert.value().get(), 1, id.toUtf8());
        bind(insert.value().get(), 2, name.toUtf8());
        bind(insert.value().get(), 3, row.value().userId.toUtf8());
        bind(insert.value().get(), 4, QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8());
        bind(insert.value().get(), 5, QJsonDocument(body).toJson(QJsonDocument::Compact));
        bind(insert.value().get(), 6, iso(now));
        if (sqlite3_step(insert.value().get()) != SQLITE_DONE)
            return Sqlite::error(db, QStringLiteral("cannot queue the push"));
        const bool queued = sqlite3_changes(db) == 1;
        update = Sqlite::Statement();
        insert = Sqlite::Statement();
        if (Status committed = transaction.commit(); !committed)
            return committed.error();
        return queued;
    });
}

} // namespace mado
