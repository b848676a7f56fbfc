-- Madoguchi on PostgreSQL, step 1 of 2: the roles and the database. Run once, as a superuser:
--   psql -U postgres -v owner_role=madoguchi_owner -v app_role=madoguchi_app -v database=madoguchi \
--        -f /usr/share/madoguchi/postgresql/roles.sql   (installer/postgresql/ in the source)
-- (the three -v are optional; these are the defaults). No password is set here: give each role
-- its password afterwards with psql's \password (it is never written into a file or the shell
-- history), e.g.  psql -U postgres -c '\password madoguchi_app'.
-- Step 2, after `madoguchi-cli init` has created the schema as the owner: grants.sql.
\set ON_ERROR_STOP on
\if :{?owner_role}
\else
\set owner_role madoguchi_owner
\endif
\if :{?app_role}
\else
\set app_role madoguchi_app
\endif
\if :{?database}
\else
\set database madoguchi
\endif

-- The owner holds the schema: only `madoguchi-cli init` (creation, upgrades) connects as it.
CREATE ROLE :"owner_role" LOGIN;
-- The workstations connect as the application role: cases yes, audit chain append-only.
CREATE ROLE :"app_role" LOGIN;
CREATE DATABASE :"database" OWNER :"owner_role" ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"database" TO :"app_role";
\connect :"database"
-- PostgreSQL 15 no longer lets PUBLIC create in schema public; the owner gets it.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT ALL ON SCHEMA public TO :"owner_role";
