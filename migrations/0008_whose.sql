-- 0008: in a group contact the note is shared, but a signal (with its note), the
-- person's own words and the next check-in belong to the people they are about
-- (DOMAIN.md). Each person on a contact now says which of the three are theirs.
--
-- Every old contact keeps what it had: a signal, own words or a check-in was
-- everyone's on it, so each person present keeps it. On a contact with more than one
-- person that may be wrong, so those contacts are marked (`whose_unsure`) for the
-- user to correct; the mark goes when the contact is saved with a choice.
ALTER TABLE contact_person ADD COLUMN signal INTEGER NOT NULL DEFAULT 0 CHECK (signal IN (0, 1));
ALTER TABLE contact_person ADD COLUMN own_words INTEGER NOT NULL DEFAULT 0 CHECK (own_words IN (0, 1));
ALTER TABLE contact_person ADD COLUMN checkin INTEGER NOT NULL DEFAULT 0 CHECK (checkin IN (0, 1));
ALTER TABLE contact ADD COLUMN whose_unsure INTEGER NOT NULL DEFAULT 0 CHECK (whose_unsure IN (0, 1));

UPDATE contact_person SET
    signal = (SELECT c.signal FROM contact c WHERE c.id = contact_person.contact_id),
    own_words = (SELECT c.own_words <> '' FROM contact c WHERE c.id = contact_person.contact_id),
    checkin = (SELECT c.follow_up IS NOT NULL FROM contact c WHERE c.id = contact_person.contact_id);

UPDATE contact SET whose_unsure = 1
 WHERE (signal = 1 OR own_words <> '' OR follow_up IS NOT NULL)
   AND (SELECT count(*) FROM contact_person cp WHERE cp.contact_id = contact.id) > 1;

-- A person's own words, and the signals about them, read through their timeline.
CREATE INDEX contact_person_whose ON contact_person (person_id, contact_id)
    WHERE signal = 1 OR own_words = 1;

-- Search finds words in a signal's note and in what the supporter shared of their own
-- experience too. FTS5 tables cannot gain a column, so the index is made anew from
-- the contacts (external content: still no second copy of the text).
DROP TRIGGER contact_fts_insert;
DROP TRIGGER contact_fts_delete;
DROP TRIGGER contact_fts_update;
DROP TABLE contact_fts;
CREATE VIRTUAL TABLE contact_fts USING fts5 (
    note, own_words, signal_note, own_experience_note,
    content = 'contact', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
INSERT INTO contact_fts (contact_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO contact_fts (contact_fts) VALUES ('rebuild');

CREATE TRIGGER contact_fts_insert AFTER INSERT ON contact BEGIN
    INSERT INTO contact_fts (rowid, note, own_words, signal_note, own_experience_note)
    VALUES (new.id, new.note, new.own_words, new.signal_note, new.own_experience_note);
END;
CREATE TRIGGER contact_fts_delete AFTER DELETE ON contact BEGIN
    INSERT INTO contact_fts (contact_fts, rowid, note, own_words, signal_note, own_experience_note)
    VALUES ('delete', old.id, old.note, old.own_words, old.signal_note, old.own_experience_note);
END;
CREATE TRIGGER contact_fts_update AFTER UPDATE OF note, own_words, signal_note, own_experience_note ON contact BEGIN
    INSERT INTO contact_fts (contact_fts, rowid, note, own_words, signal_note, own_experience_note)
    VALUES ('delete', old.id, old.note, old.own_words, old.signal_note, old.own_experience_note);
    INSERT INTO contact_fts (rowid, note, own_words, signal_note, own_experience_note)
    VALUES (new.id, new.note, new.own_words, new.signal_note, new.own_experience_note);
END;
