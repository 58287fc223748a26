-- 0002: a record of every summary printed or saved: what, when, which people.
-- Never the content: the summary itself is made anew from the vault when needed.
CREATE TABLE summary_log (
    id        INTEGER PRIMARY KEY,
    made_at   INTEGER NOT NULL,
    action    TEXT NOT NULL CHECK (action IN ('print', 'save', 'cli')),
    date_from TEXT NOT NULL,
    date_to   TEXT NOT NULL,
    level     TEXT NOT NULL CHECK (level IN ('code', 'alias', 'full')),
    all_notes INTEGER NOT NULL CHECK (all_notes IN (0, 1)),
    person_ids TEXT NOT NULL
) STRICT;
