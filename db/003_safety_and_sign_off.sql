-- Safety and sign-off: key points, "Get help now" and numbered next steps on cards and causes, who checked each
-- item and when, cause pages' "Sold for this, but not shown to work" cards, the warning-signs page's next steps,
-- topic screens ("Living with hair loss") and the "What does it look like?" picture guide.
-- Lists are JSON arrays of strings; a checked-by is a JSON object {"name", "role", "date"} or NULL.

ALTER TABLE treatment ADD COLUMN key_points TEXT NOT NULL DEFAULT '[]';
ALTER TABLE treatment ADD COLUMN get_help_now TEXT NOT NULL DEFAULT '[]';
ALTER TABLE treatment ADD COLUMN get_help_action TEXT NOT NULL DEFAULT '';
ALTER TABLE treatment ADD COLUMN next_steps TEXT NOT NULL DEFAULT '[]';
ALTER TABLE treatment ADD COLUMN checked_by TEXT;

ALTER TABLE cause_group ADD COLUMN key_points TEXT NOT NULL DEFAULT '[]';
ALTER TABLE cause_group ADD COLUMN next_steps TEXT NOT NULL DEFAULT '[]';
ALTER TABLE cause_group ADD COLUMN checked_by TEXT;

ALTER TABLE condition ADD COLUMN not_shown_to_work TEXT NOT NULL DEFAULT '[]';

-- At most one row: what goes with the warning signs.
CREATE TABLE red_flags_page (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    next_steps TEXT NOT NULL DEFAULT '[]',
    checked_by TEXT
);

CREATE TABLE topic (
    id         TEXT PRIMARY KEY,
    position   INTEGER NOT NULL,
    title      TEXT NOT NULL,
    summary    TEXT NOT NULL,
    key_points TEXT NOT NULL DEFAULT '[]',
    sections   TEXT NOT NULL DEFAULT '[]',  -- [{"title": "...", "entries": ["...", ...]}, ...]
    next_steps TEXT NOT NULL DEFAULT '[]',
    sources    TEXT NOT NULL DEFAULT '[]',
    checked_by TEXT,
    treatments TEXT NOT NULL DEFAULT '[]'   -- card ids shown as buttons on the topic screen
);

CREATE TABLE picture_pattern (
    id          TEXT PRIMARY KEY,
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL,
    caption     TEXT NOT NULL,
    description TEXT NOT NULL,
    picture     TEXT NOT NULL,
    causes      TEXT NOT NULL DEFAULT '[]'
);
