-- 0009: the person's own plan (issue 25): goals in their own words, who helps, how
-- it goes according to them (a rating 0–10 with their words), and which contacts
-- touched a goal. Everything hangs off the person and goes when they are erased.

-- A colleague (seed 004: minimal data) has no plan unless the user turns it on.
ALTER TABLE person ADD COLUMN plan INTEGER NOT NULL DEFAULT 0 CHECK (plan IN (0, 1));

CREATE TABLE goal (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    why         TEXT NOT NULL DEFAULT '',
    steps       TEXT NOT NULL DEFAULT '',
    -- 'let-go' ("losgelaten") is a normal outcome, never a failure.
    status      TEXT NOT NULL DEFAULT 'working' CHECK (status IN ('working', 'reached', 'let-go')),
    -- The person's own order, 1 first.
    position    INTEGER NOT NULL,
    -- The supporter is one of the helpers (circle members are in goal_helper).
    supporter   INTEGER NOT NULL DEFAULT 0 CHECK (supporter IN (0, 1)),
    for_consult INTEGER NOT NULL DEFAULT 0 CHECK (for_consult IN (0, 1)),
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX goal_person ON goal (person_id, position);

CREATE TABLE goal_helper (
    goal_id   INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES circle_member (id) ON DELETE CASCADE,
    PRIMARY KEY (goal_id, member_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX goal_helper_member ON goal_helper (member_id);

-- Each status a goal had, from when: its history (working when added).
CREATE TABLE goal_status (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    goal_id INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    status  TEXT NOT NULL CHECK (status IN ('working', 'reached', 'let-go')),
    at      INTEGER NOT NULL
) STRICT;
CREATE INDEX goal_status_goal ON goal_status (goal_id, at);

-- "Hoe ver ben je, volgens jezelf?": the person's own rating and words, on a day,
-- optionally at a contact (which may later be deleted: the rating stays).
CREATE TABLE goal_rating (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    goal_id    INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    on_day     TEXT NOT NULL,
    score      INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    words      TEXT NOT NULL DEFAULT '',
    contact_id INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX goal_rating_goal ON goal_rating (goal_id, on_day, id);
CREATE INDEX goal_rating_contact ON goal_rating (contact_id);

-- Which goals a contact touched.
CREATE TABLE contact_goal (
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    goal_id    INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    PRIMARY KEY (contact_id, goal_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX contact_goal_goal ON contact_goal (goal_id);

-- A check-in can be a plan review ("plan bespreken"): looking at the plan together.
ALTER TABLE followup ADD COLUMN plan_review INTEGER NOT NULL DEFAULT 0 CHECK (plan_review IN (0, 1));
