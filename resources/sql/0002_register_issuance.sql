-- Madoguchi case store, revision 2: resident register, certificate numbering, issuances.

CREATE TABLE residents (
    id INTEGER PRIMARY KEY,
    resident_code VARCHAR(32) NOT NULL UNIQUE,
    name VARCHAR(200) NOT NULL,
    kana VARCHAR(200) NOT NULL,
    date_of_birth VARCHAR(10) NOT NULL,
    postal_code VARCHAR(8) NOT NULL,
    prefecture VARCHAR(16) NOT NULL,
    city VARCHAR(100) NOT NULL,
    address_line VARCHAR(200) NOT NULL,
    imported_at VARCHAR(32) NOT NULL
);
CREATE INDEX residents_lookup ON residents (name, date_of_birth);

-- One counter per fiscal year (April to March); incremented inside the issuing transaction, so a
-- rolled-back issuance leaves no gap.
CREATE TABLE certificate_counters (
    fiscal_year INTEGER PRIMARY KEY,
    last_serial INTEGER NOT NULL
);

CREATE TABLE issuances (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL UNIQUE REFERENCES cases (id),
    fiscal_year INTEGER NOT NULL,
    serial INTEGER NOT NULL,
    certificate_number VARCHAR(32) NOT NULL UNIQUE,
    resident_id INTEGER NOT NULL REFERENCES residents (id),
    mail_postal_code VARCHAR(8) NOT NULL,
    mail_prefecture VARCHAR(16) NOT NULL,
    mail_city VARCHAR(100) NOT NULL,
    mail_address_line VARCHAR(200) NOT NULL,
    issued_by INTEGER NOT NULL REFERENCES users (id),
    issued_at VARCHAR(32) NOT NULL,
    UNIQUE (fiscal_year, serial)
);
