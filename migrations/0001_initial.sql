-- 0001: the first schema of a Naast vault.
-- Instants are unix seconds (UTC); calendar days are 'YYYY-MM-DD' in Dutch time.
-- Append-only: a landed migration is never edited; changes go in a new file.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE person (
    id         INTEGER PRIMARY KEY,
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
CREATE UNIQUE INDEX person_alias ON person (alias COLLATE NOCASE);

CREATE TABLE circle_member (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    role      TEXT NOT NULL DEFAULT '',
    formal    INTEGER NOT NULL CHECK (formal IN (0, 1)),
    involve   INTEGER NOT NULL DEFAULT 1 CHECK (involve IN (0, 1))
) STRICT;
CREATE UNIQUE INDEX circle_member_name ON circle_member (person_id, name COLLATE NOCASE);

CREATE TABLE consent (
    id           INTEGER PRIMARY KEY,
    person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    member_id    INTEGER NOT NULL REFERENCES circle_member (id) ON DELETE CASCADE,
    scope        TEXT NOT NULL DEFAULT '',
    discussed_on TEXT NOT NULL,
    until        TEXT NOT NULL,
    withdrawn_on TEXT,
    created_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX consent_member ON consent (member_id);

CREATE TABLE contact (
    id                  INTEGER PRIMARY KEY,
    at                  INTEGER NOT NULL,
    minutes             INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    mode                TEXT NOT NULL CHECK (mode IN ('face-to-face', 'walk', 'home-visit', 'phone', 'video', 'chat', 'group')),
    initiative          TEXT NOT NULL CHECK (initiative IN ('person', 'me', 'other')),
    -- bit set: 1 practical, 2 emotional, 4 informational, 8 navigation
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
CREATE INDEX contact_at ON contact (at, id);

-- `at` is copied here so that one person's timeline is a single index range.
CREATE TABLE contact_person (
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    at         INTEGER NOT NULL,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    PRIMARY KEY (person_id, at, contact_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX contact_person_contact ON contact_person (contact_id);

CREATE TABLE contact_tag (
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    PRIMARY KEY (contact_id, tag)
) STRICT, WITHOUT ROWID;

CREATE TABLE bridge_note (
    id           INTEGER PRIMARY KEY,
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
CREATE INDEX bridge_note_person ON bridge_note (person_id);

CREATE TABLE bridge_contact (
    bridge_id  INTEGER NOT NULL REFERENCES bridge_note (id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    PRIMARY KEY (bridge_id, contact_id)
) STRICT, WITHOUT ROWID;

-- What was shared, when, with whom, on which consent: kept as it was sent.
CREATE TABLE bridge_share (
    id           INTEGER PRIMARY KEY,
    bridge_id    INTEGER NOT NULL REFERENCES bridge_note (id) ON DELETE CASCADE,
    shared_at    INTEGER NOT NULL,
    recipient    TEXT NOT NULL,
    role         TEXT NOT NULL,
    consent_id   INTEGER NOT NULL REFERENCES consent (id) ON DELETE CASCADE,
    text         TEXT NOT NULL,
    client_voice TEXT NOT NULL
) STRICT;

CREATE TABLE followup (
    id         INTEGER PRIMARY KEY,
    person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    due        TEXT NOT NULL,
    why        TEXT NOT NULL DEFAULT '',
    contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    done_on    TEXT,
    moved      INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX followup_open ON followup (due) WHERE done_on IS NULL;
CREATE INDEX followup_person ON followup (person_id);

-- Full-text search. External content (no second copy of the text); triggers keep the
-- index in step inside the writing transaction. remove_diacritics folds ë to e, so
-- "client" finds "cliënt"; the prefix indexes make "uitker*" cheap.
CREATE VIRTUAL TABLE contact_fts USING fts5 (
    note, own_words,
    content = 'contact', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
INSERT INTO contact_fts (contact_fts, rank) VALUES ('secure-delete', 1);

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

CREATE VIRTUAL TABLE bridge_fts USING fts5 (
    text, client_voice, answer,
    content = 'bridge_note', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
INSERT INTO bridge_fts (bridge_fts, rank) VALUES ('secure-delete', 1);

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
