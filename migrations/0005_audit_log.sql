-- 0005: the audit trail (NEN 7513-minded): who did what with whose record, when,
-- and with what outcome. Never content: an action, the kind and id of the record, the
-- person's id and code (never an alias or name), and for outputs the level and what
-- was included.
--
-- Append-only: triggers refuse UPDATE, and DELETE except while a retention prune is
-- under way (flagged in `meta`). Tamper-evident: each row's `hash` is SHA-256 over the
-- previous row's hash and its own fields, so a changed or removed row breaks the chain
-- (see `audit::verify`). The hashes are computed by the core, not here.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        INTEGER NOT NULL,
    actor     TEXT NOT NULL DEFAULT '',
    action    TEXT NOT NULL,
    object    TEXT NOT NULL DEFAULT '',
    object_id INTEGER,
    -- No foreign key: a line outlives the person it is about (it names their code).
    person_id INTEGER,
    person_code TEXT,
    outcome   TEXT NOT NULL DEFAULT 'ok',
    detail    TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_person ON audit_log (person_id, id);

-- Every person an entry is about (an output names many), for "what happened with
-- my data" without scanning the log. Derived from each entry's detail, which the
-- hash covers.
CREATE TABLE audit_person (
    audit_id  INTEGER NOT NULL REFERENCES audit_log (id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL,
    PRIMARY KEY (person_id, audit_id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN (SELECT value FROM meta WHERE key = 'audit_prune') IS NULL BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_person_no_update BEFORE UPDATE ON audit_person BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_person_no_delete BEFORE DELETE ON audit_person
WHEN (SELECT value FROM meta WHERE key = 'audit_prune') IS NULL BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
