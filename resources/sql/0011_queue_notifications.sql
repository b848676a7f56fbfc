-- Madoguchi case store, revision 11: the queue tells other workstations that it changed
-- (core/store/QueueChanges). On SQLite nothing changes: a trigger cannot reach another process, so
-- QueueChanges polls PRAGMA data_version instead. The PostgreSQL version (resources/sql/postgresql/)
-- adds triggers that NOTIFY madoguchi_queue.
SELECT 1
