-- Madoguchi case store, revision 10 (PostgreSQL): the workflow's rules held by the database too,
-- whichever client writes (docs/store.md, "PostgreSQL"; the roles and GRANTs are in docs/admin.md).

-- Four eyes: a batch is approved by a supervisor who decided none of its cases.
CREATE FUNCTION madoguchi_four_eyes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.state = 'approved' AND EXISTS (
        SELECT 1 FROM batch_cases bc JOIN cases c ON c.id = bc.case_id
        WHERE bc.batch_id = NEW.id AND c.decided_by = NEW.approved_by) THEN
        RAISE EXCEPTION 'four_eyes_violation: the approver decided a case in batch %', NEW.id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER batches_four_eyes BEFORE INSERT OR UPDATE ON batches
    FOR EACH ROW EXECUTE FUNCTION madoguchi_four_eyes();

-- A case is never decided by the supervisor who approves its batch, nor moved to approved
-- without a batch approved by someone else.
CREATE FUNCTION madoguchi_case_four_eyes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.state = 'batch_approved' AND EXISTS (
        SELECT 1 FROM batches b WHERE b.id = NEW.batch_id
        AND (b.state <> 'approved' OR b.approved_by = NEW.decided_by)) THEN
        RAISE EXCEPTION 'four_eyes_violation: case % approved by its own decider', NEW.id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER cases_four_eyes BEFORE UPDATE OF state ON cases
    FOR EACH ROW EXECUTE FUNCTION madoguchi_case_four_eyes();

-- The audit chain is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks (the GRANTs in
-- docs/admin.md keep the application role from even trying).
CREATE FUNCTION madoguchi_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_append_only: audit entries are never changed or deleted'
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION madoguchi_audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
    FOR EACH STATEMENT EXECUTE FUNCTION madoguchi_audit_append_only();
