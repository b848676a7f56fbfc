-- Madoguchi on PostgreSQL, step 2 of 2: what the application role may do. Run as the owner role
-- after `madoguchi-cli init --store postgresql://madoguchi_owner@HOST/madoguchi` created the
-- schema, and again after an upgrade that adds tables:
--   psql 'host=HOST dbname=madoguchi user=madoguchi_owner' -v app_role=madoguchi_app \
--        -f /usr/share/madoguchi/postgresql/grants.sql   (installer/postgresql/ in the source)
-- The application role may read and write cases, users, the register and the rest, and may only
-- SELECT and INSERT on the audit chain: UPDATE, DELETE and TRUNCATE are refused by these GRANTs,
-- and by the triggers audit_append_only and audit_no_truncate for any role (revision 0010). The
-- schema's bookkeeping (schema_version, madoguchi_store) is read-only to it, and it owns nothing,
-- so it cannot drop or disable a trigger.
\set ON_ERROR_STOP on
\if :{?app_role}
\else
\set app_role madoguchi_app
\endif

GRANT USAGE ON SCHEMA public TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app_role";
REVOKE UPDATE, DELETE, TRUNCATE ON audit FROM :"app_role";
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_version, madoguchi_store FROM :"app_role";
