-- Schema 6: discharge-to-home planning (DOMAIN.md §5). A plan belongs to one child and has a
-- target discharge date, tasks (copied from a pathway template, due = target + offset), a
-- care team, referrals to providers, conferences and the family's training checklist.
-- Role, phase and checklist codes are the stable codes of crates/core/src/domain/role.rs and
-- crates/core/src/plans/types.rs. The default pathway template is seeded in
-- store::schema::after_migration, in this migration's transaction.

CREATE TABLE pathway_template (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    -- The template a new plan gets when none is chosen; at most one live default.
    is_default   INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    deleted_at   TEXT,
    row_version  INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX pathway_template_one_default ON pathway_template (is_default)
    WHERE is_default = 1 AND deleted_at IS NULL;

CREATE TABLE pathway_template_task (
    id           TEXT PRIMARY KEY,
    template_id  TEXT NOT NULL REFERENCES pathway_template (id),
    position     INTEGER NOT NULL,
    phase        TEXT NOT NULL
        CHECK (phase IN ('introduction', 'preparation', 'transition', 'discharge', 'home')),
    role         TEXT NOT NULL,
    title        TEXT NOT NULL,
    -- Further roles of a template row that lists several (the first is `role`), and hints.
    note         TEXT NOT NULL DEFAULT '',
    -- Days relative to the target discharge date: -90 is 90 days before, +7 a week after.
    offset_days  INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    deleted_at   TEXT,
    row_version  INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX pathway_template_task_by_template ON pathway_template_task (template_id, position);

CREATE TABLE plan (
    id           TEXT PRIMARY KEY,
    child_id     TEXT NOT NULL REFERENCES child (id),
    target_date  TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('active', 'completed', 'cancelled')),
    -- The date the plan was completed or cancelled.
    closed_on    TEXT,
    template_id  TEXT REFERENCES pathway_template (id),
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    deleted_at   TEXT,
    row_version  INTEGER NOT NULL DEFAULT 1,
    CHECK ((status = 'active') = (closed_on IS NULL))
);
-- One active plan per child, even with two writers.
CREATE UNIQUE INDEX plan_one_active_per_child ON plan (child_id)
    WHERE status = 'active' AND deleted_at IS NULL;
CREATE INDEX plan_by_child ON plan (child_id);
CREATE INDEX plan_active_by_target ON plan (target_date)
    WHERE status = 'active' AND deleted_at IS NULL;

CREATE TABLE referral (
    id           TEXT PRIMARY KEY,
    plan_id      TEXT NOT NULL REFERENCES plan (id),
    provider_id  TEXT NOT NULL REFERENCES provider (id),
    role         TEXT NOT NULL,
    status       TEXT NOT NULL
        CHECK (status IN ('draft', 'sent', 'accepted', 'declined', 'active', 'ended', 'cancelled')),
    -- The date the current status was reached.
    status_on    TEXT NOT NULL,
    sent_on      TEXT,
    -- The date of the answer (accepted or declined).
    decided_on   TEXT,
    -- The date the provider would start (its team membership starts on it when accepted).
    start_on     TEXT,
    ended_on     TEXT,
    -- Why it was declined (required) or cancelled.
    reason       TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    deleted_at   TEXT,
    row_version  INTEGER NOT NULL DEFAULT 1,
    CHECK (status <> 'declined' OR reason <> '')
);
CREATE INDEX referral_by_plan ON referral (plan_id);
CREATE INDEX referral_by_provider ON referral (provider_id);

CREATE TABLE team_member (
    id            TEXT PRIMARY KEY,
    plan_id       TEXT NOT NULL REFERENCES plan (id),
    role          TEXT NOT NULL,
    -- A provider of the directory, or NULL for a person (hospital or hub staff).
    provider_id   TEXT REFERENCES provider (id),
    -- The person (for a provider: its contact person for this child, optional).
    person_name   TEXT NOT NULL DEFAULT '',
    organisation  TEXT NOT NULL DEFAULT '',
    contact       TEXT NOT NULL DEFAULT '',
    start_date    TEXT NOT NULL,
    end_date      TEXT,
    -- The accepted referral that brought the provider in.
    referral_id   TEXT REFERENCES referral (id),
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    deleted_at    TEXT,
    row_version   INTEGER NOT NULL DEFAULT 1,
    CHECK (provider_id IS NOT NULL OR person_name <> ''),
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX team_member_by_plan ON team_member (plan_id);
CREATE INDEX team_member_by_referral ON team_member (referral_id);

CREATE TABLE plan_task (
    id               TEXT PRIMARY KEY,
    plan_id          TEXT NOT NULL REFERENCES plan (id),
    position         INTEGER NOT NULL,
    phase            TEXT NOT NULL
        CHECK (phase IN ('introduction', 'preparation', 'transition', 'discharge', 'home')),
    role             TEXT NOT NULL,
    title            TEXT NOT NULL,
    note             TEXT NOT NULL DEFAULT '',
    -- A member of the plan's team, or nobody yet.
    owner_member_id  TEXT REFERENCES team_member (id),
    -- The template's offset it was made from; NULL for a task added by hand.
    offset_days      INTEGER,
    due_date         TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('open', 'done', 'skipped')),
    done_on          TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT NOT NULL,
    deleted_at       TEXT,
    row_version      INTEGER NOT NULL DEFAULT 1,
    CHECK ((status = 'done') = (done_on IS NOT NULL))
);
CREATE INDEX plan_task_by_plan ON plan_task (plan_id, due_date);
CREATE INDEX plan_task_open_by_due ON plan_task (due_date)
    WHERE status = 'open' AND deleted_at IS NULL;
CREATE INDEX plan_task_by_owner ON plan_task (owner_member_id);

CREATE TABLE conference (
    id               TEXT PRIMARY KEY,
    plan_id          TEXT NOT NULL REFERENCES plan (id),
    kind             TEXT NOT NULL CHECK (kind IN ('in_hospital', 'pre_discharge_joint')),
    held_on          TEXT NOT NULL,
    title            TEXT NOT NULL DEFAULT '',
    -- Team member ids (of this plan's team), as a JSON array.
    attendee_ids     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attendee_ids)),
    -- Others present who are not in the team (the family, a teacher…), as written.
    other_attendees  TEXT NOT NULL DEFAULT '',
    minutes          TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    updated_by       TEXT NOT NULL,
    deleted_at       TEXT,
    row_version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX conference_by_plan ON conference (plan_id, held_on);

CREATE TABLE training_item (
    id           TEXT PRIMARY KEY,
    plan_id      TEXT NOT NULL REFERENCES plan (id),
    item         TEXT NOT NULL,
    level        TEXT NOT NULL CHECK (level IN ('none', 'taught', 'demonstrated', 'independent')),
    level_on     TEXT,
    by_whom      TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    deleted_at   TEXT,
    row_version  INTEGER NOT NULL DEFAULT 1,
    CHECK (level = 'none' OR level_on IS NOT NULL)
);
-- One live row per checklist item of a plan; its history is in the audit log.
CREATE UNIQUE INDEX training_item_once ON training_item (plan_id, item)
    WHERE deleted_at IS NULL;
