-- A circle member can leave the circle. One with history (a consent, a bridge note)
-- is marked, not deleted: deleting would cascade into the record of what was shared
-- with them, which must stay as it was sent. Their name stays known to redaction.
ALTER TABLE circle_member ADD COLUMN left_on TEXT;

-- The check-ins of the colleague rhythm (seed 004) know what they are and which
-- incident they follow, so the app can say so in either language and a second plan
-- for the same incident is not made twice.
ALTER TABLE followup ADD COLUMN rhythm TEXT CHECK (rhythm IN ('first', 'second'));
ALTER TABLE followup ADD COLUMN incident TEXT;
CREATE UNIQUE INDEX followup_rhythm ON followup (person_id, incident, rhythm)
    WHERE rhythm IS NOT NULL;

-- Rhythm check-ins planned before this version carry only their Dutch reason; the
-- unmoved ones tell their incident by their date. One per person and date, so the
-- unique index above holds even where a plan was made twice.
UPDATE followup SET rhythm = 'first', incident = date(due, '-3 days'), why = ''
 WHERE id IN (SELECT min(id) FROM followup
               WHERE why = 'eerste contact na incident (binnen 72 uur)'
                 AND moved = 0 AND contact_id IS NULL
               GROUP BY person_id, due);
UPDATE followup SET rhythm = 'second', incident = date(due, '-14 days'), why = ''
 WHERE id IN (SELECT min(id) FROM followup
               WHERE why = 'tweede contact, rond twee weken na incident'
                 AND moved = 0 AND contact_id IS NULL
               GROUP BY person_id, due);
