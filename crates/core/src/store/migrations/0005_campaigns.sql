-- Schema 5: survey campaigns (DOMAIN.md §4). A campaign is one mailing of the survey with a
-- target list of providers; each target tracks where chasing it stands (sent, phoned,
-- visited, no answer) until the provider answers. An answer is recorded as a new version of
-- the provider's conditions, and the target points at that version.

CREATE TABLE survey_campaign (
    id           TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    sent_on      TEXT NOT NULL,
    due_on       TEXT,
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    deleted_at   TEXT,
    row_version  INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE survey_target (
    id                     TEXT PRIMARY KEY,
    campaign_id            TEXT NOT NULL REFERENCES survey_campaign (id),
    provider_id            TEXT NOT NULL REFERENCES provider (id),
    -- There is no 'pending': a provider becomes a target when the survey is sent to it.
    state                  TEXT NOT NULL
        CHECK (state IN ('sent', 'phoned', 'visited', 'no_answer', 'answered')),
    -- The date the current state was reached (for 'answered', the answer date).
    state_on               TEXT NOT NULL,
    answered_on            TEXT,
    -- The conditions version the answer was recorded as.
    conditions_version_id  TEXT REFERENCES provider_conditions_version (id),
    note                   TEXT NOT NULL DEFAULT '',
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    updated_by             TEXT NOT NULL,
    deleted_at             TEXT,
    row_version            INTEGER NOT NULL DEFAULT 1,
    CHECK (state <> 'answered' OR answered_on IS NOT NULL)
);
-- A provider is on a campaign's list once; the index also serves "the targets of a campaign".
CREATE UNIQUE INDEX survey_target_once ON survey_target (campaign_id, provider_id)
    WHERE deleted_at IS NULL;
CREATE INDEX survey_target_by_campaign_state ON survey_target (campaign_id, state)
    WHERE deleted_at IS NULL;
CREATE INDEX survey_target_by_provider ON survey_target (provider_id);
