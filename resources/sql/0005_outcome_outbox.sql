-- Madoguchi case store, revision 5: the outbox of outcome notices for the receiver. Issuing a
-- certificate records its "issued" notice here in the issuing transaction; the workstation posts
-- it to the receiver and marks it delivered, or retries later with backoff while the receiver
-- cannot be reached (the receiver treats a repeated outcome as the same one). No personal data.

CREATE TABLE outcome_outbox (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    outcome VARCHAR(32) NOT NULL, -- approved, rejected, resubmission_requested, issued
    reason VARCHAR(64),
    created_at VARCHAR(32) NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at VARCHAR(32) NOT NULL,
    last_error VARCHAR(200),
    delivered_at VARCHAR(32),
    UNIQUE (case_id, outcome)
);
CREATE INDEX outcome_outbox_due ON outcome_outbox (delivered_at, next_attempt_at);
