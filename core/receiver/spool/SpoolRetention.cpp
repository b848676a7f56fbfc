#include "core/receiver/spool/SpoolRetention.h"

#include "core/receiver/spool/ApplicationStore.h"
#include "core/receiver/spool/ChallengeStore.h"
#include "core/receiver/spool/DurableFiles.h"
#include "core/receiver/spool/Spool.h"
#include "core/database/Sqlite.h"
#include "core/database/SqliteTransaction.h"
#include "core/receiver/spool/WorkstationStore.h"

#include <QFileInfo>

#include <sqlite3.h>

#include <algorithm>

namespace mado {

namespace {

// The states of an application the receiver has nothing more to do for.
constexpr const char *kFinished = "('acknowledged', 'approved', 'rejected', 'issued', 'import_failed')";

// Runs one DELETE with ?1 bound to cutoff; the rows it deleted.
Result<qint64> deleteBefore(sqlite3 *db, const std::string &sql, const QByteArray &cutoff, const QString &what)
{
    auto statement = Sqlite::prepare(db, sql.c_str());
    if (!statement)
        return statement.error();
    Sqlite::bindText(statement.value().get(), 1, cutoff);
    if (sqlite3_step(statement.value().get()) != SQLITE_DONE)
        return Sqlite::error(db, QStringLiteral("cannot delete %1").arg(what));
    return qint64(sqlite3_changes(db));
}

} // namespace

SpoolRetention::Pruned &SpoolRetention::Pruned::operator+=(const Pruned &other)
{
    challenges += other.challenges;
    webhookEvents += other.webhookEvents;
    applications += other.applications;
    pushes += other.pushes;
    resubmittedImages += other.resubmittedImages;
    unsignedExpired += other.unsignedExpired;
    return *this;
}

Result<SpoolRetention::Pruned> SpoolRetention::run(const QDateTime &now) const
{
    const QByteArray eventCutoff = Sqlite::time(now.addDays(-qint64(std::max(1, m_options.webhookRetentionDays)))
                                                    .addSecs(-qint64(std::max(0, m_options.maxClockSkewSeconds))));
    const QByteArray finishedCutoff = Sqlite::time(now.addDays(-qint64(std::max(1, m_options.finishedRetentionDays))));
    const auto expired = WorkstationStore(m_spool).expireUnsigned(now);
    if (!expired)
        return expired.error();
    QStringList finishedIds;
    auto pruned = m_spool.locked([&](sqlite3 *db) -> Result<Pruned> {
        Pruned counts;
        const auto challenges = ChallengeStore::prune(db, now);
        if (!challenges)
            return challenges.error();
        counts.challenges = challenges.value();
        const auto events = deleteBefore(
            db, "DELETE FROM webhook_events WHERE received_at < ?1 AND state IN ('done', 'failed')", eventCutoff,
            QStringLiteral("old webhook events"));
        if (!events)
            return events.error();
        counts.webhookEvents = events.value();
        // One transaction for an application and what hangs on it.
        SqliteTransaction transaction(db);
        if (!transaction.begun().ok())
            return transaction.begun().error();
        auto finished = [&]() -> Status {
            const std::string finishedWhere = std::string("state IN ") + kFinished +
                                              " AND COALESCE(failed_at, acknowledged_at, received_at) < ?1";
            auto select = Sqlite::prepare(db, ("SELECT id FROM applications WHERE " + finishedWhere).c_str());
            if (!select)
                return select.error();
            Sqlite::bindText(select.value().get(), 1, finishedCutoff);
            while (sqlite3_step(select.value().get()) == SQLITE_ROW)
                finishedIds << Sqlite::text(select.value().get(), 0);
            const auto images = deleteBefore(
                db,
                "DELETE FROM resubmitted_images WHERE application_id IN (SELECT id FROM applications WHERE " +
                    finishedWhere + ")",
                finishedCutoff, QStringLiteral("old resubmitted photos"));
            if (!images)
                return images.error();
            counts.resubmittedImages = images.value();
            const auto applications = deleteBefore(db, "DELETE FROM applications WHERE " + finishedWhere,
                                                   finishedCutoff, QStringLiteral("finished applications"));
            if (!applications)
                return applications.error();
            counts.applications = applications.value();
            const auto pushes = deleteBefore(
                db,
                "DELETE FROM push_outbox WHERE state IN ('sent', 'failed', 'skipped') AND next_attempt_at < ?1 "
                "AND application_id NOT IN (SELECT id FROM applications)",
                finishedCutoff, QStringLiteral("finished pushes"));
            if (!pushes)
                return pushes.error();
            counts.pushes = pushes.value();
            return Sqlite::exec(db, "DELETE FROM application_signatures WHERE application_id NOT IN "
                                    "(SELECT id FROM applications)");
        }();
        if (!finished)
            return finished.error();
        if (Status committed = transaction.commit(); !committed)
            return committed.error();
        return counts;
    });
    if (!pruned)
        return pruned;
    pruned.value().unsignedExpired = expired.value();
    // Files of a finished application are removed when it ends; any left (a crash in between) go
    // with its row.
    const ApplicationStore applications(m_spool);
    for (const QString &id : finishedIds) {
        const QString directory = applications.directoryOf(id);
        if (QFileInfo::exists(directory))
            DurableFiles::removeTree(directory);
    }
    return pruned;
}

} // namespace mado
