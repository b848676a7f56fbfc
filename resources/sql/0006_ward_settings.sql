-- Madoguchi case store, revision 6: settings that hold for the whole ward, on every workstation of
-- the store (first: the issuer's title and name printed on certificates, key "issuer_name"). Set by
-- an admin; each change is audited (the key, not the value).

CREATE TABLE ward_settings (
    name VARCHAR(64) PRIMARY KEY,
    value TEXT NOT NULL,
    updated_by INTEGER REFERENCES users (id),
    updated_at VARCHAR(32) NOT NULL
);
