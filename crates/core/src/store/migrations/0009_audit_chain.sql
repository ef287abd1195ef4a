-- Schema 9: a tamper-evident audit log (issue 8). Every audit row is chained to the one
-- before it by a SHA-256 hash (store::audit, the encoding is documented there); rows can
-- only be appended (triggers refuse UPDATE and DELETE); the chain's head (last seq and
-- hash) is kept in its own one-row table, `audit_head`, so that removing the last rows
-- shows too; reading a case is audited as a `view`.
--
-- The CHECK on `action` gains 'view', which SQLite can only do by rebuilding the table.
-- Rows keep their seq (the order they were written in). The rows of an older database are
-- copied here with an empty hash and chained by store::schema::after_migration(9) in the
-- same transaction: a row may be updated only while its hash is still empty (sealing it).

ALTER TABLE audit_log RENAME TO audit_log_v8;

CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT NOT NULL UNIQUE,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore', 'view')),
    changes     TEXT NOT NULL CHECK (json_valid(changes)),
    -- lower-case hex SHA-256: the previous row's hash (64 zeros before the first row) and
    -- this row's, over (seq, id, at, actor, entity, entity_id, action, changes, prev_hash)
    prev_hash   TEXT NOT NULL DEFAULT '',
    hash        TEXT NOT NULL DEFAULT ''
);

INSERT INTO audit_log (seq, id, at, actor, entity, entity_id, action, changes)
    SELECT seq, id, at, actor, entity, entity_id, action, changes FROM audit_log_v8 ORDER BY seq;

DROP TABLE audit_log_v8;

CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, seq);
-- The audit screen's filters (newest first within each).
CREATE INDEX audit_log_by_actor ON audit_log (actor, seq);
CREATE INDEX audit_log_by_at ON audit_log (at);

-- The chain's head: the seq and hash of the last row appended. Moved forward by the
-- trigger below in the transaction that appends, never backwards.
CREATE TABLE audit_head (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    seq   INTEGER NOT NULL,
    hash  TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- A new row must extend the chain at its head: the next seq, the head's hash as prev_hash.
CREATE TRIGGER audit_log_appends_at_head BEFORE INSERT ON audit_log
WHEN NEW.seq IS NOT (SELECT seq + 1 FROM audit_head WHERE id = 1)
  OR NEW.prev_hash IS NOT (SELECT hash FROM audit_head WHERE id = 1)
  OR length(NEW.hash) <> 64
BEGIN
    SELECT RAISE(ABORT, 'audit_log: a row must extend the chain at its head');
END;

CREATE TRIGGER audit_log_moves_head AFTER INSERT ON audit_log
BEGIN
    UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1;
END;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN OLD.hash <> ''
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be changed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be deleted');
END;

CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head
WHEN NEW.seq <= OLD.seq OR NEW.id <> OLD.id
BEGIN
    SELECT RAISE(ABORT, 'audit_head only moves forward');
END;

CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN
    SELECT RAISE(ABORT, 'audit_head cannot be deleted');
END;
