-- Schema 2: a child's weight history (kg at a date); the latest weight drives acceptance checks.

CREATE TABLE child_weight (
    id           TEXT PRIMARY KEY,
    child_id     TEXT NOT NULL REFERENCES child (id),
    measured_on  TEXT NOT NULL,
    weight_kg    REAL NOT NULL CHECK (weight_kg > 0 AND weight_kg <= 150),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    deleted_at   TEXT,
    row_version  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX child_weight_by_child ON child_weight (child_id, measured_on);
