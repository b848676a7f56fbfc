-- Madoguchi case store, revision 7: the issuer (title and name) printed on a certificate is kept
-- with its issuance, so that a certificate exported again later shows the issuer it was issued
-- under, not the ward setting of the day. Empty: no issuer was set (the template's specimen issuer).
-- Issuances from before this revision get the setting in force at the upgrade.

ALTER TABLE issuances ADD COLUMN issuer_name TEXT NOT NULL DEFAULT '';
UPDATE issuances SET issuer_name = coalesce((SELECT value FROM ward_settings WHERE name = 'issuer_name'), '');
