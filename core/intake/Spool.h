#pragma once

#include "core/Result.h"
#include "core/intake/StoredWebhookEvent.h"
#include "core/intake/WebhookEvent.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <mutex>
#include <vector>

struct sqlite3;

namespace mado {

// How a batch of webhook events went into the spool.
struct SpoolWriteResult {
    int stored = 0;
    int duplicates = 0; // events whose webhookEventId was already spooled (redeliveries)
};

// The receiver's durable spool: one SQLite file in WAL mode with synchronous=FULL, so that a
// successful write survives a crash of the process or the machine. Schema revisions are applied
// on open (see SpoolSchema); a newer unknown revision is refused. Thread-safe: one connection
// guarded by a mutex, so Poco's server threads may call it concurrently. Errors are Io (SQLite
// failures) or InvalidArgument (a file that is not a usable spool). Never logs event bodies.
class Spool {
public:
    static Result<std::unique_ptr<Spool>> open(const QString &path);
    ~Spool();
    Spool(const Spool &) = delete;
    Spool &operator=(const Spool &) = delete;

    // Stores the events in one transaction with state "pending"; events whose webhookEventId is
    // already there are left untouched and counted as duplicates. Durable when it returns ok.
    Result<SpoolWriteResult> storeWebhookEvents(const std::vector<WebhookEvent> &events,
                                                const QDateTime &receivedAt = QDateTime::currentDateTimeUtc());
    // Number of webhook events in state "pending".
    Result<qint64> pendingWebhookEventCount() const;
    // All webhook events in the order they were stored.
    Result<std::vector<StoredWebhookEvent>> webhookEvents() const;
    const QString &path() const { return m_path; }
    // The directory of the applications' image files: the spool path with "-files" appended.
    QString filesDirectory() const { return m_path + QStringLiteral("-files"); }

    // Runs f(sqlite3 *) under the spool's lock and returns its result. For the stores built on
    // the spool (ChallengeStore, ApplicationStore); f must not call back into the spool.
    template <typename F>
    auto locked(F &&f) const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return f(m_db);
    }

private:
    Spool(sqlite3 *db, QString path);

    mutable std::mutex m_mutex;
    sqlite3 *m_db;
    QString m_path;
};

} // namespace mado
