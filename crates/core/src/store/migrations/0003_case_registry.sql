-- Schema 3: the full case record (DOMAIN.md §2): birth data, residence, certificates,
-- classifications, 超重症児 factors, consent, coordinator; diagnoses, guardians, status
-- history and score snapshots; care-item details. Folded search keys make the case list
-- searchable by reading whatever kana or width was typed.

ALTER TABLE child ADD COLUMN name_folded TEXT NOT NULL DEFAULT '';
ALTER TABLE child ADD COLUMN kana_folded TEXT NOT NULL DEFAULT '';
-- What the search box matches: folded reading, folded name and lower-case case number.
ALTER TABLE child ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE child ADD COLUMN gestational_weeks INTEGER;
ALTER TABLE child ADD COLUMN birth_weight_g INTEGER;
ALTER TABLE child ADD COLUMN postal_code TEXT NOT NULL DEFAULT '';
ALTER TABLE child ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE child ADD COLUMN lat REAL;
ALTER TABLE child ADD COLUMN lon REAL;
ALTER TABLE child ADD COLUMN location_source TEXT CHECK (location_source IN ('entered', 'municipality_hall'));
ALTER TABLE child ADD COLUMN siblings INTEGER;
-- JSON objects: certificates, 超重症児 factors and consent are read and written whole.
ALTER TABLE child ADD COLUMN certificates TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(certificates));
ALTER TABLE child ADD COLUMN oshima_cell INTEGER CHECK (oshima_cell BETWEEN 1 AND 25);
ALTER TABLE child ADD COLUMN yokochi_code TEXT;
ALTER TABLE child ADD COLUMN severe_factors TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(severe_factors));
ALTER TABLE child ADD COLUMN consent TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(consent));
ALTER TABLE child ADD COLUMN coordinator TEXT NOT NULL DEFAULT '';
-- The 医療的ケア判定スコア of the latest snapshot, for filtering the list by score.
ALTER TABLE child ADD COLUMN medical_care_score INTEGER NOT NULL DEFAULT 0;
-- The case list scans this narrow index in 五十音順 instead of the wide rows.
CREATE INDEX child_search ON child
    (kana_folded, case_number, search_text, municipality_code, status, medical_care_score, id)
    WHERE deleted_at IS NULL;
CREATE INDEX child_by_municipality_status ON child (municipality_code, status);

ALTER TABLE child_care_item ADD COLUMN details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details));
CREATE INDEX child_care_item_by_code ON child_care_item (code, child_id);

CREATE TABLE child_diagnosis (
    id           TEXT PRIMARY KEY,
    child_id     TEXT NOT NULL REFERENCES child (id),
    position     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    icd10        TEXT,
    perinatal    INTEGER NOT NULL DEFAULT 0 CHECK (perinatal IN (0, 1)),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    deleted_at   TEXT,
    row_version  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX child_diagnosis_by_child ON child_diagnosis (child_id, position);

CREATE TABLE child_guardian (
    id               TEXT PRIMARY KEY,
    child_id         TEXT NOT NULL REFERENCES child (id),
    position         INTEGER NOT NULL,
    name             TEXT NOT NULL,
    relation         TEXT NOT NULL DEFAULT '',
    phone_primary    TEXT NOT NULL DEFAULT '',
    phone_secondary  TEXT NOT NULL DEFAULT '',
    -- Digits only, for the duplicate check ("same guardian phone").
    phone_primary_digits    TEXT NOT NULL DEFAULT '',
    phone_secondary_digits  TEXT NOT NULL DEFAULT '',
    email            TEXT NOT NULL DEFAULT '',
    language_needs   TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT NOT NULL,
    deleted_at       TEXT,
    row_version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX child_guardian_by_child ON child_guardian (child_id, position);
CREATE INDEX child_guardian_by_phone1 ON child_guardian (phone_primary_digits);
CREATE INDEX child_guardian_by_phone2 ON child_guardian (phone_secondary_digits);

CREATE TABLE child_status_change (
    id           TEXT PRIMARY KEY,
    child_id     TEXT NOT NULL REFERENCES child (id),
    status       TEXT NOT NULL,
    changed_on   TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    deleted_at   TEXT,
    row_version  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX child_status_change_by_child ON child_status_change (child_id, changed_on);

-- What a score was when the record was saved, and by which rule version.
CREATE TABLE score_snapshot (
    id             TEXT PRIMARY KEY,
    child_id       TEXT NOT NULL REFERENCES child (id),
    kind           TEXT NOT NULL CHECK (kind IN ('medical_care', 'severe')),
    computed_on    TEXT NOT NULL,
    rules_version  TEXT NOT NULL,
    total          INTEGER NOT NULL,
    result         TEXT NOT NULL CHECK (json_valid(result)),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    updated_by     TEXT NOT NULL,
    deleted_at     TEXT,
    row_version    INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX score_snapshot_by_child ON score_snapshot (child_id, kind, computed_on);
