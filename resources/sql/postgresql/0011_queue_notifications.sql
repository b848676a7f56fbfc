-- Madoguchi case store, revision 11 (PostgreSQL): every workstation's queue page refreshes when
-- another one claims, decides or imports (core/store/QueueChanges LISTENs on madoguchi_queue).
-- The database sends the notice itself, whichever client writes; PostgreSQL delivers it when the
-- writing transaction commits (never for one rolled back) and folds equal notices of one
-- transaction into one. The payload is the case id only: no personal data.
CREATE FUNCTION madoguchi_queue_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('madoguchi_queue', NEW.id::text);
    RETURN NULL;
END
$$;
CREATE TRIGGER cases_queue_insert AFTER INSERT ON cases
    FOR EACH ROW EXECUTE FUNCTION madoguchi_queue_notify();
CREATE TRIGGER cases_queue_update AFTER UPDATE OF state, assignee_id, claim_expires_at, hold_reason ON cases
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id
                       OR OLD.claim_expires_at IS DISTINCT FROM NEW.claim_expires_at
                       OR OLD.hold_reason IS DISTINCT FROM NEW.hold_reason)
    EXECUTE FUNCTION madoguchi_queue_notify();
