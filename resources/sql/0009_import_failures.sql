-- Madoguchi case store, revision 9: applications that could not be imported. An application whose
-- bundle or images are refused (corrupt, unsupported, too large, invalid manifest) is counted here
-- at every attempt; after Importer::Options::maxAttempts it is given up: the receiver is told
-- (it deletes the personal data and tells the resident to apply again) and abandoned_at is set.
-- IT reads the list with `madoguchi-cli import --failures`. No personal data: ids, the reference,
-- an error code and its English message.

CREATE TABLE import_failures (
    application_id VARCHAR(64) PRIMARY KEY,
    reference VARCHAR(32) NOT NULL,
    attempts INTEGER NOT NULL,
    error_code VARCHAR(40) NOT NULL,
    message VARCHAR(300) NOT NULL,
    first_at VARCHAR(32) NOT NULL,
    last_at VARCHAR(32) NOT NULL,
    abandoned_at VARCHAR(32)
);
CREATE INDEX import_failures_abandoned ON import_failures (abandoned_at);
