-- Madoguchi case store, revision 4: the 256-bit face hashes (dHash of the aligned face chip) of
-- every verified case, so that a face picture seen in another case is flagged (replay check,
-- reason seen_in_case:<reference>). Hashes only: no image, no descriptor.

CREATE TABLE face_hashes (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    role VARCHAR(32) NOT NULL, -- document_front, frame0 .. frame3
    face_hash VARCHAR(64) NOT NULL,
    created_at VARCHAR(32) NOT NULL,
    UNIQUE (case_id, role)
);
