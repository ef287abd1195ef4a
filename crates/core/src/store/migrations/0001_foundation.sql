-- Schema 1: the audit log, reference municipalities, and the first domain records
-- (children with care items, providers). Append-only: never edit a released migration.
--
-- Every domain row carries: id (UUIDv7 text), created_at/updated_at (UTC RFC 3339),
-- updated_by, deleted_at (tombstone instead of DELETE) and row_version (starts at 1,
-- +1 on every change), so that laptops can later sync without collisions or silent overwrites.

CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT NOT NULL UNIQUE,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
    changes     TEXT NOT NULL CHECK (json_valid(changes))
);
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, seq);

-- Reference data (全国地方公共団体コード), seeded into every new database.
CREATE TABLE municipality (
    code6         TEXT PRIMARY KEY CHECK (length(code6) = 6),
    code5         TEXT NOT NULL UNIQUE CHECK (length(code5) = 5),
    name          TEXT NOT NULL,
    kana          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('city', 'town', 'village', 'ward')),
    parent_code6  TEXT REFERENCES municipality (code6),
    lat           REAL NOT NULL,
    lon           REAL NOT NULL
);

CREATE TABLE child (
    id                 TEXT PRIMARY KEY,
    case_number        TEXT NOT NULL,
    name               TEXT NOT NULL,
    kana               TEXT NOT NULL,
    date_of_birth      TEXT NOT NULL,
    sex                TEXT NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
    municipality_code  TEXT NOT NULL REFERENCES municipality (code6),
    status             TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    updated_by         TEXT NOT NULL,
    deleted_at         TEXT,
    row_version        INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX child_case_number ON child (case_number);
CREATE INDEX child_by_kana ON child (kana);

CREATE TABLE child_care_item (
    id           TEXT PRIMARY KEY,
    child_id     TEXT NOT NULL REFERENCES child (id),
    code         TEXT NOT NULL,
    supervision  TEXT NOT NULL CHECK (supervision IN ('high', 'medium', 'low')),
    start_date   TEXT,
    end_date     TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    deleted_at   TEXT,
    row_version  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX child_care_item_by_child ON child_care_item (child_id);

CREATE TABLE provider (
    id                 TEXT PRIMARY KEY,
    kind               TEXT NOT NULL,
    name               TEXT NOT NULL,
    kana               TEXT NOT NULL,
    municipality_code  TEXT NOT NULL REFERENCES municipality (code6),
    address            TEXT NOT NULL DEFAULT '',
    phone              TEXT NOT NULL DEFAULT '',
    lat                REAL,
    lon                REAL,
    location_source    TEXT CHECK (location_source IN ('entered', 'municipality_hall')),
    accepts_children   TEXT NOT NULL DEFAULT 'unknown' CHECK (accepts_children IN ('yes', 'no', 'unknown')),
    record_source      TEXT NOT NULL CHECK (record_source IN ('survey', 'open_data', 'manual')),
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    updated_by         TEXT NOT NULL,
    deleted_at         TEXT,
    row_version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX provider_by_kind_municipality ON provider (kind, municipality_code);
