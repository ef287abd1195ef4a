-- Schema 8: each child's disaster preparedness (DOMAIN.md §7): the power-dependent devices and
-- their battery hours, other power, spare consumables, the registrations (電力会社,
-- 避難行動要支援者名簿, 個別避難計画), where to go and whom to call. Device kinds are the stable
-- codes of crates/core/src/disaster/types.rs. Dates are ISO dates (the office's calendar).

-- One live profile per child. The lists and the registrations are JSON (the shapes of
-- disaster::types), written and audited whole through store::rows.
CREATE TABLE disaster_profile (
    id                  TEXT PRIMARY KEY,
    child_id            TEXT NOT NULL REFERENCES child (id),
    -- [{kind, name, internal_battery_hours, external_battery_hours}], hours may be null (unknown)
    devices             TEXT NOT NULL DEFAULT '[]',
    -- {car, generator, spare_batteries, note}
    other_power         TEXT NOT NULL DEFAULT '{}',
    consumables_days    INTEGER CHECK (consumables_days IS NULL OR consumables_days BETWEEN 0 AND 365),
    -- {registered, on}: 電力会社への登録, 避難行動要支援者名簿, 個別避難計画
    power_company       TEXT NOT NULL DEFAULT '{}',
    evacuation_list     TEXT NOT NULL DEFAULT '{}',
    individual_plan     TEXT NOT NULL DEFAULT '{}',
    evacuation_site     TEXT NOT NULL DEFAULT '',
    welfare_shelter     TEXT NOT NULL DEFAULT '',
    emergency_hospital  TEXT NOT NULL DEFAULT '',
    -- [{name, relation, phone}] in calling order
    contacts            TEXT NOT NULL DEFAULT '[]',
    note                TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    updated_by          TEXT NOT NULL,
    deleted_at          TEXT,
    row_version         INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX disaster_profile_once ON disaster_profile (child_id) WHERE deleted_at IS NULL;
