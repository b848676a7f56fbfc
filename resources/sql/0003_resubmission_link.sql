-- Madoguchi case store, revision 3: a resubmitted application (same reference as a case whose
-- decision was "resubmission requested") is linked to that case and inherits its resubmission
-- count, so the cap holds across the applicant's attempts.

ALTER TABLE cases ADD COLUMN resubmission_of INTEGER REFERENCES cases (id);
CREATE INDEX cases_reference ON cases (reference);
