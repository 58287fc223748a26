-- A counter that every change to the person's records bumps, so that "has anything
-- changed since the last backup?" is one read, not a scan. Drafts, the audit log and
-- the backup record itself do not count: they change on every keystroke, every
-- unlock, every backup. Settings count (they are the user's too).
CREATE TABLE change_counter (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO change_counter (id, n) VALUES (1, 1);

CREATE TRIGGER person_changed_insert AFTER INSERT ON person
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER person_changed_update AFTER UPDATE ON person
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER person_changed_delete AFTER DELETE ON person
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER circle_member_changed_insert AFTER INSERT ON circle_member
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER circle_member_changed_update AFTER UPDATE ON circle_member
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER circle_member_changed_delete AFTER DELETE ON circle_member
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER consent_changed_insert AFTER INSERT ON consent
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER consent_changed_update AFTER UPDATE ON consent
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER consent_changed_delete AFTER DELETE ON consent
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER contact_changed_insert AFTER INSERT ON contact
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER contact_changed_update AFTER UPDATE ON contact
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER contact_changed_delete AFTER DELETE ON contact
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER contact_person_changed_insert AFTER INSERT ON contact_person
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER contact_person_changed_update AFTER UPDATE ON contact_person
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER contact_person_changed_delete AFTER DELETE ON contact_person
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER contact_tag_changed_insert AFTER INSERT ON contact_tag
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER contact_tag_changed_update AFTER UPDATE ON contact_tag
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER contact_tag_changed_delete AFTER DELETE ON contact_tag
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER bridge_note_changed_insert AFTER INSERT ON bridge_note
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER bridge_note_changed_update AFTER UPDATE ON bridge_note
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER bridge_note_changed_delete AFTER DELETE ON bridge_note
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER bridge_contact_changed_insert AFTER INSERT ON bridge_contact
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER bridge_contact_changed_update AFTER UPDATE ON bridge_contact
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER bridge_contact_changed_delete AFTER DELETE ON bridge_contact
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER bridge_share_changed_insert AFTER INSERT ON bridge_share
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER bridge_share_changed_update AFTER UPDATE ON bridge_share
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER bridge_share_changed_delete AFTER DELETE ON bridge_share
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER followup_changed_insert AFTER INSERT ON followup
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER followup_changed_update AFTER UPDATE ON followup
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER followup_changed_delete AFTER DELETE ON followup
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER meta_settings_changed_insert AFTER INSERT ON meta WHEN NEW.key = 'settings'
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER meta_settings_changed_update AFTER UPDATE ON meta WHEN NEW.key = 'settings'
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER meta_settings_changed_delete AFTER DELETE ON meta WHEN OLD.key = 'settings'
BEGIN UPDATE change_counter SET n = n + 1 WHERE id = 1; END;
