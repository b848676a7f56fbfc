-- Madoguchi case store, revision 10: rules the database holds itself. On SQLite (one workstation,
-- one file) nothing changes: core holds the rules (four eyes in the approving UPDATE, the audit
-- chain written only by AuditChain). The PostgreSQL version (resources/sql/postgresql/) adds
-- triggers, because several workstations and any client with the application role write there.
SELECT 1
