-- Schema 4: the resource directory (DOMAIN.md §4). A provider's contact details, business
-- number, capacity and hours; its publication consent; its current acceptance conditions
-- (a copy of the latest answered version, for filtering); and every answered version, so
-- "what did they answer in 2025" stays answerable.

ALTER TABLE provider ADD COLUMN name_folded TEXT NOT NULL DEFAULT '';
ALTER TABLE provider ADD COLUMN kana_folded TEXT NOT NULL DEFAULT '';
ALTER TABLE provider ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE provider ADD COLUMN postal_code TEXT NOT NULL DEFAULT '';
ALTER TABLE provider ADD COLUMN fax TEXT NOT NULL DEFAULT '';
ALTER TABLE provider ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE provider ADD COLUMN contact_person TEXT NOT NULL DEFAULT '';
ALTER TABLE provider ADD COLUMN business_number TEXT;
ALTER TABLE provider ADD COLUMN capacity INTEGER;
ALTER TABLE provider ADD COLUMN opening_hours TEXT NOT NULL DEFAULT '';
ALTER TABLE provider ADD COLUMN last_verified_on TEXT;
ALTER TABLE provider ADD COLUMN publication TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(publication));
ALTER TABLE provider ADD COLUMN conditions TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(conditions));
ALTER TABLE provider ADD COLUMN around_the_clock TEXT NOT NULL DEFAULT 'unknown'
    CHECK (around_the_clock IN ('yes', 'no', 'unknown'));

-- Re-importing a file matches on 事業所番号 first.
CREATE UNIQUE INDEX provider_business_number ON provider (business_number)
    WHERE business_number IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX provider_search ON provider
    (kind, kana_folded, search_text, municipality_code, accepts_children, around_the_clock, id)
    WHERE deleted_at IS NULL;

CREATE TABLE provider_conditions_version (
    id            TEXT PRIMARY KEY,
    provider_id   TEXT NOT NULL REFERENCES provider (id),
    answered_on   TEXT NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('survey', 'open_data', 'manual')),
    conditions    TEXT NOT NULL CHECK (json_valid(conditions)),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    deleted_at    TEXT,
    row_version   INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX provider_conditions_by_provider ON provider_conditions_version (provider_id, answered_on);
