#include "core/receiver/spool/SpoolSchema.h"

#include "core/database/MigrationRunner.h"
#include "core/database/SqliteFileTarget.h"

#include <iterator>
#include <vector>

namespace mado {

namespace {

struct Revision {
    int version;
    const char *sql;
};

// Append-only: a released revision is never edited; a change is a new revision.
const Revision kRevisions[] = {
    {1, R"sql(
CREATE TABLE webhook_events (
    id INTEGER PRIMARY KEY,
    webhook_event_id TEXT NOT NULL UNIQUE CHECK (length(webhook_event_id) BETWEEN 1 AND 128),
    type TEXT NOT NULL CHECK (length(type) > 0),
    received_at TEXT NOT NULL,
    body TEXT NOT NULL CHECK (json_valid(body)),
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed'))
);
CREATE INDEX webhook_events_state ON webhook_events (state, id);
)sql"},
    {2, R"sql(
CREATE TABLE challenges (
    nonce TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    directions TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    signature TEXT NOT NULL,
    used_at TEXT
);
CREATE TABLE applications (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    reference TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    received_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'received'
        CHECK (state IN ('received', 'acknowledged', 'approved', 'rejected', 'resubmission_requested', 'issued')),
    manifest TEXT CHECK (manifest IS NULL OR json_valid(manifest)),
    lease_holder TEXT,
    lease_until TEXT,
    acknowledged_at TEXT,
    UNIQUE (user_id, idempotency_key)
);
CREATE INDEX applications_lease ON applications (state, lease_until, seq);
)sql"},
    {3, R"sql(
CREATE TABLE push_outbox (
    id INTEGER PRIMARY KEY,
    application_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    user_id TEXT NOT NULL,
    retry_key TEXT NOT NULL UNIQUE,
    body TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_status INTEGER,
    UNIQUE (application_id, kind)
);
CREATE INDEX push_outbox_due ON push_outbox (state, next_attempt_at);
)sql"},
    {4, R"sql(
ALTER TABLE webhook_events ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE webhook_events ADD COLUMN next_attempt_at TEXT NOT NULL DEFAULT '';
CREATE TABLE line_users (
    user_id TEXT PRIMARY KEY,
    following INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE resubmitted_images (
    message_id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL,
    file TEXT NOT NULL,
    received_at TEXT NOT NULL
);
)sql"},
    {5, R"sql(
CREATE INDEX challenges_user ON challenges (user_id, issued_at);
)sql"},
    // Pushes to a user who has unfollowed are not sent but recorded as skipped.
    {6, R"sql(
CREATE TABLE push_outbox_6 (
    id INTEGER PRIMARY KEY,
    application_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    user_id TEXT NOT NULL,
    retry_key TEXT NOT NULL UNIQUE,
    body TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed', 'skipped')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_status INTEGER,
    UNIQUE (application_id, kind)
);
INSERT INTO push_outbox_6 (id, application_id, kind, user_id, retry_key, body, state, attempts, next_attempt_at,
                           last_status)
    SELECT id, application_id, kind, user_id, retry_key, body, state, attempts, next_attempt_at, last_status
    FROM push_outbox;
DROP TABLE push_outbox;
ALTER TABLE push_outbox_6 RENAME TO push_outbox;
CREATE INDEX push_outbox_due ON push_outbox (state, next_attempt_at);
)sql"},
    // A processed (done or failed) webhook event keeps only what deduplication needs: its body
    // (message texts, user ids) is cleared, and the row is deleted after the retention period.
    {7, R"sql(
UPDATE webhook_events SET body = '{}' WHERE state IN ('done', 'failed');
CREATE INDEX webhook_events_received ON webhook_events (received_at);
)sql"},
    // Issue 11: an application that cannot be imported ends in state import_failed with its reason
    // (reported by the workstation, or lease_limit after too many leases without ack: lease_count);
    // acknowledged_by names the workstation that may fetch its resubmissions and post outcomes;
    // resubmitted_count/bytes count the photos received since the last resubmission request.
    // A push that will not be sent any more keeps no message (personal data).
    {8, R"sql(
CREATE TABLE applications_8 (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    reference TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    received_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'received'
        CHECK (state IN ('received', 'acknowledged', 'approved', 'rejected', 'resubmission_requested', 'issued',
                         'import_failed')),
    manifest TEXT CHECK (manifest IS NULL OR json_valid(manifest)),
    lease_holder TEXT,
    lease_until TEXT,
    acknowledged_at TEXT,
    acknowledged_by TEXT,
    lease_count INTEGER NOT NULL DEFAULT 0,
    failure_reason TEXT,
    failure_message TEXT,
    failed_at TEXT,
    resubmitted_count INTEGER NOT NULL DEFAULT 0,
    resubmitted_bytes INTEGER NOT NULL DEFAULT 0,
    UNIQUE (user_id, idempotency_key)
);
INSERT INTO applications_8 (seq, id, reference, user_id, idempotency_key, received_at, state, manifest, lease_holder,
                            lease_until, acknowledged_at, acknowledged_by, lease_count)
    SELECT seq, id, reference, user_id, idempotency_key, received_at, state, manifest, lease_holder, lease_until,
           acknowledged_at, CASE WHEN acknowledged_at IS NOT NULL THEN lease_holder END,
           CASE WHEN lease_holder IS NOT NULL THEN 1 ELSE 0 END
    FROM applications;
DROP TABLE applications;
ALTER TABLE applications_8 RENAME TO applications;
CREATE INDEX applications_lease ON applications (state, lease_until, seq);
ALTER TABLE resubmitted_images ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0;
CREATE INDEX resubmitted_images_application ON resubmitted_images (application_id, received_at);
CREATE INDEX challenges_expiry ON challenges (expires_at);
UPDATE push_outbox SET body = '{}' WHERE state IN ('sent', 'failed', 'skipped');
)sql"},
    // Issue 14: an application whose applicant declared a JPKI signature waits here (not leased)
    // until signature.p7s arrives (signed_at) or due_at passes (then it fails: signature_missing).
    {9, R"sql(
CREATE TABLE application_signatures (
    application_id TEXT PRIMARY KEY,
    due_at TEXT NOT NULL,
    signed_at TEXT
);
)sql"},
};

} // namespace

int SpoolSchema::latestVersion()
{
    return std::prev(std::end(kRevisions))->version;
}

Status SpoolSchema::migrate(sqlite3 *db, int upTo)
{
    std::vector<Migration> steps;
    for (const Revision &revision : kRevisions)
        steps.push_back(Migration{revision.version, QString(), QString::fromUtf8(revision.sql)});
    SqliteFileTarget target(db, kApplicationId, QStringLiteral("spool"));
    auto reached = MigrationRunner::run(target, std::move(steps), upTo > 0 ? upTo : -1);
    if (!reached)
        return reached.error();
    return {};
}

} // namespace mado
