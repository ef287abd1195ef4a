-- Schema 7: respite beds and bookings (DOMAIN.md §6), emergency equipment lending (§7) and
-- the 24/365 consultation log (§8). Bed types, booking statuses, conditions, caller types and
-- outcomes are the stable codes of crates/core/src/{respite,equipment,consultations}/types.rs.
-- Dates are ISO dates (the office's calendar, UTC+9); instants are UTC RFC 3339.

-- Beds per night of one bed type at one facility (a provider of kind short_stay,
-- disabled_children_facility or hospital), and the longest stay it takes in that type.
CREATE TABLE respite_bed_type (
    id               TEXT PRIMARY KEY,
    facility_id      TEXT NOT NULL REFERENCES provider (id),
    bed_type         TEXT NOT NULL,
    beds             INTEGER NOT NULL CHECK (beds >= 0),
    max_stay_nights  INTEGER NOT NULL CHECK (max_stay_nights >= 1),
    note             TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT NOT NULL,
    deleted_at       TEXT,
    row_version      INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX respite_bed_type_once ON respite_bed_type (facility_id, bed_type)
    WHERE deleted_at IS NULL;

-- The beds of one night when they differ from the usual: a closure (0) or extra beds.
CREATE TABLE respite_capacity_exception (
    id           TEXT PRIMARY KEY,
    facility_id  TEXT NOT NULL REFERENCES provider (id),
    bed_type     TEXT NOT NULL,
    night        TEXT NOT NULL,
    beds         INTEGER NOT NULL CHECK (beds >= 0),
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    deleted_at   TEXT,
    row_version  INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX respite_capacity_exception_once
    ON respite_capacity_exception (facility_id, bed_type, night) WHERE deleted_at IS NULL;

-- A stay of the nights [from_date, to_date): the child arrives on from_date and leaves on
-- to_date. Confirmed (and completed) bookings hold a bed each night; the use case that
-- confirms counts them inside its write transaction, so two users never overfill a night.
CREATE TABLE respite_booking (
    id            TEXT PRIMARY KEY,
    child_id      TEXT NOT NULL REFERENCES child (id),
    facility_id   TEXT NOT NULL REFERENCES provider (id),
    bed_type      TEXT NOT NULL,
    from_date     TEXT NOT NULL,
    to_date       TEXT NOT NULL,
    status        TEXT NOT NULL
        CHECK (status IN ('requested', 'confirmed', 'completed', 'cancelled', 'no_show')),
    -- When the family asked: the waitlist's order.
    requested_at  TEXT NOT NULL,
    -- When the current status was reached.
    status_at     TEXT NOT NULL,
    -- Why the stay is wanted (family rest, a sibling's event…), or why it was cancelled.
    reason        TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    deleted_at    TEXT,
    row_version   INTEGER NOT NULL DEFAULT 1,
    CHECK (to_date > from_date)
);
CREATE INDEX respite_booking_by_facility ON respite_booking (facility_id, bed_type, from_date)
    WHERE deleted_at IS NULL;
CREATE INDEX respite_booking_by_child ON respite_booking (child_id, from_date);
CREATE INDEX respite_booking_waitlist ON respite_booking (facility_id, requested_at)
    WHERE status = 'requested' AND deleted_at IS NULL;

-- A kind of equipment the hub lends (足踏み式吸引器, 蘇生バッグ…).
CREATE TABLE equipment_type (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    deleted_at   TEXT,
    row_version  INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX equipment_type_name_once ON equipment_type (name) WHERE deleted_at IS NULL;

-- One physical unit, known by the asset tag on it.
CREATE TABLE equipment_unit (
    id           TEXT PRIMARY KEY,
    type_id      TEXT NOT NULL REFERENCES equipment_type (id),
    asset_tag    TEXT NOT NULL,
    condition    TEXT NOT NULL CHECK (condition IN ('good', 'worn', 'needs_repair', 'broken')),
    -- The date it was taken out of service; a retired unit is never lent again.
    retired_on   TEXT,
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    deleted_at   TEXT,
    row_version  INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX equipment_unit_tag_once ON equipment_unit (asset_tag) WHERE deleted_at IS NULL;
CREATE INDEX equipment_unit_by_type ON equipment_unit (type_id);

-- A unit lent to a child's family from lent_on, due back on due_on.
CREATE TABLE equipment_loan (
    id                TEXT PRIMARY KEY,
    unit_id           TEXT NOT NULL REFERENCES equipment_unit (id),
    child_id          TEXT NOT NULL REFERENCES child (id),
    lent_on           TEXT NOT NULL,
    due_on            TEXT NOT NULL,
    returned_on       TEXT,
    return_condition  TEXT
        CHECK (return_condition IN ('good', 'worn', 'needs_repair', 'broken')),
    note              TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    updated_by        TEXT NOT NULL,
    deleted_at        TEXT,
    row_version       INTEGER NOT NULL DEFAULT 1,
    CHECK (due_on >= lent_on),
    CHECK (returned_on IS NULL OR returned_on >= lent_on),
    CHECK ((returned_on IS NULL) = (return_condition IS NULL))
);
-- A unit is out on one loan at a time, even with two writers.
CREATE UNIQUE INDEX equipment_loan_one_open ON equipment_loan (unit_id)
    WHERE returned_on IS NULL AND deleted_at IS NULL;
CREATE INDEX equipment_loan_by_unit ON equipment_loan (unit_id, lent_on);
CREATE INDEX equipment_loan_open_by_due ON equipment_loan (due_on)
    WHERE returned_on IS NULL AND deleted_at IS NULL;
CREATE INDEX equipment_loan_by_child ON equipment_loan (child_id);

-- One call of the 24/365 consultation line.
CREATE TABLE consultation (
    id           TEXT PRIMARY KEY,
    at           TEXT NOT NULL,
    caller_type  TEXT NOT NULL
        CHECK (caller_type IN ('family', 'clinic', 'nursing_station', 'school', 'municipality', 'other')),
    child_id     TEXT REFERENCES child (id),
    topic        TEXT NOT NULL CHECK (topic <> ''),
    outcome      TEXT NOT NULL
        CHECK (outcome IN ('advice', 'visit_arranged', 'emergency_admission', 'respite_arranged', 'referred')),
    staff        TEXT NOT NULL DEFAULT '',
    minutes      INTEGER CHECK (minutes IS NULL OR minutes >= 0),
    note         TEXT NOT NULL DEFAULT '',
    -- Folded topic, note and staff (text::search_text), for the list's text filter.
    search_text  TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    deleted_at   TEXT,
    row_version  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX consultation_by_at ON consultation (at) WHERE deleted_at IS NULL;
CREATE INDEX consultation_by_child ON consultation (child_id);
