-- 0004: an id, once given, is never given again.
--
-- Without AUTOINCREMENT SQLite hands out max(id) + 1, so deleting the newest contact
-- and adding another reused its number, and a script or shell history that repeated
-- `contact delete 3` deleted the new one. Every table whose id a person or a script
-- can name is rebuilt with AUTOINCREMENT, keeping every row and every id.
-- The runner turns foreign keys off around this file (SQLite's documented way to
-- rebuild a table) and runs `foreign_key_check` before it commits.
--
-- Drafts get two links so that they leave with what they are about: the contact an
-- edit draft belongs to, and the people a draft names (for erasure).

CREATE TABLE person_new (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    alias      TEXT NOT NULL,
    code       TEXT NOT NULL UNIQUE,
    context    TEXT NOT NULL CHECK (context IN ('client', 'youth', 'colleague', 'group-member')),
    full_name  TEXT NOT NULL DEFAULT '',
    wishes     TEXT NOT NULL DEFAULT '',
    strengths  TEXT NOT NULL DEFAULT '',
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at INTEGER NOT NULL,
    closed_at  INTEGER
) STRICT;
INSERT INTO person_new (id, alias, code, context, full_name, wishes, strengths, active, created_at, closed_at)
    SELECT id, alias, code, context, full_name, wishes, strengths, active, created_at, closed_at FROM person;
DROP TABLE person;
ALTER TABLE person_new RENAME TO person;
CREATE UNIQUE INDEX person_alias ON person (alias COLLATE NOCASE);

CREATE TABLE circle_member_new (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    role      TEXT NOT NULL DEFAULT '',
    formal    INTEGER NOT NULL CHECK (formal IN (0, 1)),
    involve   INTEGER NOT NULL DEFAULT 1 CHECK (involve IN (0, 1))
) STRICT;
INSERT INTO circle_member_new (id, person_id, name, role, formal, involve)
    SELECT id, person_id, name, role, formal, involve FROM circle_member;
DROP TABLE circle_member;
ALTER TABLE circle_member_new RENAME TO circle_member;
CREATE UNIQUE INDEX circle_member_name ON circle_member (person_id, name COLLATE NOCASE);

CREATE TABLE consent_new (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    member_id    INTEGER NOT NULL REFERENCES circle_member (id) ON DELETE CASCADE,
    scope        TEXT NOT NULL DEFAULT '',
    discussed_on TEXT NOT NULL,
    until        TEXT NOT NULL,
    withdrawn_on TEXT,
    created_at   INTEGER NOT NULL
) STRICT;
INSERT INTO consent_new (id, person_id, member_id, scope, discussed_on, until, withdrawn_on, created_at)
    SELECT id, person_id, member_id, scope, discussed_on, until, withdrawn_on, created_at FROM consent;
DROP TABLE consent;
ALTER TABLE consent_new RENAME TO consent;
CREATE INDEX consent_member ON consent (member_id);

CREATE TABLE contact_new (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    at                  INTEGER NOT NULL,
    minutes             INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    mode                TEXT NOT NULL CHECK (mode IN ('face-to-face', 'walk', 'home-visit', 'phone', 'video', 'chat', 'group')),
    initiative          TEXT NOT NULL CHECK (initiative IN ('person', 'me', 'other')),
    support             INTEGER NOT NULL CHECK (support BETWEEN 1 AND 15),
    note                TEXT NOT NULL DEFAULT '',
    own_experience      INTEGER NOT NULL DEFAULT 0 CHECK (own_experience IN (0, 1)),
    own_experience_note TEXT NOT NULL DEFAULT '',
    own_words           TEXT NOT NULL DEFAULT '',
    signal              INTEGER NOT NULL DEFAULT 0 CHECK (signal IN (0, 1)),
    signal_note         TEXT NOT NULL DEFAULT '',
    follow_up           TEXT,
    for_consult         INTEGER NOT NULL DEFAULT 0 CHECK (for_consult IN (0, 1)),
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
) STRICT;
INSERT INTO contact_new (id, at, minutes, mode, initiative, support, note, own_experience,
        own_experience_note, own_words, signal, signal_note, follow_up, for_consult, created_at, updated_at)
    SELECT id, at, minutes, mode, initiative, support, note, own_experience,
        own_experience_note, own_words, signal, signal_note, follow_up, for_consult, created_at, updated_at
    FROM contact;
DROP TABLE contact;
ALTER TABLE contact_new RENAME TO contact;
CREATE INDEX contact_at ON contact (at, id);
-- The search index keeps its rows (same ids); its triggers left with the old table.
CREATE TRIGGER contact_fts_insert AFTER INSERT ON contact BEGIN
    INSERT INTO contact_fts (rowid, note, own_words) VALUES (new.id, new.note, new.own_words);
END;
CREATE TRIGGER contact_fts_delete AFTER DELETE ON contact BEGIN
    INSERT INTO contact_fts (contact_fts, rowid, note, own_words)
    VALUES ('delete', old.id, old.note, old.own_words);
END;
CREATE TRIGGER contact_fts_update AFTER UPDATE OF note, own_words ON contact BEGIN
    INSERT INTO contact_fts (contact_fts, rowid, note, own_words)
    VALUES ('delete', old.id, old.note, old.own_words);
    INSERT INTO contact_fts (rowid, note, own_words) VALUES (new.id, new.note, new.own_words);
END;
CREATE TRIGGER contact_at_update AFTER UPDATE OF at ON contact BEGIN
    UPDATE contact_person SET at = new.at WHERE contact_id = new.id;
END;

CREATE TABLE bridge_note_new (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    member_id    INTEGER NOT NULL REFERENCES circle_member (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('experience', 'stagnation', 'question', 'signal')),
    text         TEXT NOT NULL DEFAULT '',
    client_voice TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'shared', 'answered', 'closed')),
    answer       TEXT NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    shared_at    INTEGER,
    answered_at  INTEGER,
    closed_at    INTEGER
) STRICT;
INSERT INTO bridge_note_new (id, person_id, member_id, kind, text, client_voice, status, answer,
        created_at, shared_at, answered_at, closed_at)
    SELECT id, person_id, member_id, kind, text, client_voice, status, answer,
        created_at, shared_at, answered_at, closed_at
    FROM bridge_note;
DROP TABLE bridge_note;
ALTER TABLE bridge_note_new RENAME TO bridge_note;
CREATE INDEX bridge_note_person ON bridge_note (person_id);
CREATE TRIGGER bridge_fts_insert AFTER INSERT ON bridge_note BEGIN
    INSERT INTO bridge_fts (rowid, text, client_voice, answer)
    VALUES (new.id, new.text, new.client_voice, new.answer);
END;
CREATE TRIGGER bridge_fts_delete AFTER DELETE ON bridge_note BEGIN
    INSERT INTO bridge_fts (bridge_fts, rowid, text, client_voice, answer)
    VALUES ('delete', old.id, old.text, old.client_voice, old.answer);
END;
CREATE TRIGGER bridge_fts_update AFTER UPDATE OF text, client_voice, answer ON bridge_note BEGIN
    INSERT INTO bridge_fts (bridge_fts, rowid, text, client_voice, answer)
    VALUES ('delete', old.id, old.text, old.client_voice, old.answer);
    INSERT INTO bridge_fts (rowid, text, client_voice, answer)
    VALUES (new.id, new.text, new.client_voice, new.answer);
END;

CREATE TABLE bridge_share_new (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    bridge_id    INTEGER NOT NULL REFERENCES bridge_note (id) ON DELETE CASCADE,
    shared_at    INTEGER NOT NULL,
    recipient    TEXT NOT NULL,
    role         TEXT NOT NULL,
    consent_id   INTEGER NOT NULL REFERENCES consent (id) ON DELETE CASCADE,
    text         TEXT NOT NULL,
    client_voice TEXT NOT NULL
) STRICT;
INSERT INTO bridge_share_new (id, bridge_id, shared_at, recipient, role, consent_id, text, client_voice)
    SELECT id, bridge_id, shared_at, recipient, role, consent_id, text, client_voice FROM bridge_share;
DROP TABLE bridge_share;
ALTER TABLE bridge_share_new RENAME TO bridge_share;

CREATE TABLE followup_new (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    due        TEXT NOT NULL,
    why        TEXT NOT NULL DEFAULT '',
    contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    done_on    TEXT,
    moved      INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
) STRICT;
INSERT INTO followup_new (id, person_id, due, why, contact_id, done_on, moved, created_at)
    SELECT id, person_id, due, why, contact_id, done_on, moved, created_at FROM followup;
DROP TABLE followup;
ALTER TABLE followup_new RENAME TO followup;
CREATE INDEX followup_open ON followup (due) WHERE done_on IS NULL;
CREATE INDEX followup_person ON followup (person_id);
CREATE INDEX followup_contact ON followup (contact_id);

CREATE TABLE summary_log_new (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    made_at    INTEGER NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('print', 'save', 'cli')),
    date_from  TEXT NOT NULL,
    date_to    TEXT NOT NULL,
    level      TEXT NOT NULL CHECK (level IN ('code', 'alias', 'full')),
    all_notes  INTEGER NOT NULL CHECK (all_notes IN (0, 1)),
    person_ids TEXT NOT NULL
) STRICT;
INSERT INTO summary_log_new (id, made_at, action, date_from, date_to, level, all_notes, person_ids)
    SELECT id, made_at, action, date_from, date_to, level, all_notes, person_ids FROM summary_log;
DROP TABLE summary_log;
ALTER TABLE summary_log_new RENAME TO summary_log;

-- An edit draft named a contact only by a number in its key ('contact-12'); one whose
-- contact is gone would come back on whatever contact got that number next.
CREATE TABLE draft_new (
    key        TEXT PRIMARY KEY,
    body       TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    contact_id INTEGER REFERENCES contact (id) ON DELETE CASCADE
) STRICT;
INSERT INTO draft_new (key, body, updated_at, contact_id)
    SELECT key, body, updated_at,
           CASE WHEN key GLOB 'contact-[0-9]*' THEN CAST(substr(key, 9) AS INTEGER) END
    FROM draft
    WHERE NOT (key GLOB 'contact-[0-9]*')
       OR CAST(substr(key, 9) AS INTEGER) IN (SELECT id FROM contact);
-- The numbers those orphaned drafts carried were given once: never hand them out again.
UPDATE sqlite_sequence
    SET seq = max(seq, (SELECT coalesce(max(CAST(substr(key, 9) AS INTEGER)), 0)
                        FROM draft WHERE key GLOB 'contact-[0-9]*'))
    WHERE name = 'contact';
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'contact', (SELECT max(CAST(substr(key, 9) AS INTEGER)) FROM draft WHERE key GLOB 'contact-[0-9]*')
    WHERE EXISTS (SELECT 1 FROM draft WHERE key GLOB 'contact-[0-9]*')
      AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'contact');
DROP TABLE draft;
ALTER TABLE draft_new RENAME TO draft;
CREATE INDEX draft_contact ON draft (contact_id);

CREATE TABLE draft_person (
    draft_key TEXT NOT NULL REFERENCES draft (key) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    PRIMARY KEY (draft_key, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX draft_person_person ON draft_person (person_id);
-- Drafts written by the app so far keep the chosen people in their body.
INSERT OR IGNORE INTO draft_person (draft_key, person_id)
    SELECT d.key, CAST(json_extract(p.value, '$.id') AS INTEGER)
    FROM draft d, json_each(d.body, '$.persons') p
    WHERE json_valid(d.body) AND json_type(d.body, '$.persons') = 'array'
      AND CAST(json_extract(p.value, '$.id') AS INTEGER) IN (SELECT id FROM person);
