-- Madoguchi case store, revision 8: retention. When the retention job (core/workflow/Retention)
-- deletes a closed case's images and other personal data no longer needed, it records when here, so
-- that the case view says "deleted by retention on DATE" instead of failing. The images' rows stay
-- (role, size, SHA-256 of the stored and of the received bytes) with empty bytes; see docs/store.md.

ALTER TABLE cases ADD COLUMN retention_purged_at VARCHAR(32);
