-- The published content a patient sees, and the kiosk's settings.
-- Lists (signs, questions, sources) are JSON arrays of strings.

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE treatment (
    id              TEXT PRIMARY KEY,
    position        INTEGER NOT NULL,
    name            TEXT NOT NULL,
    summary         TEXT NOT NULL,
    what_it_is      TEXT NOT NULL,
    how_used        TEXT NOT NULL,
    evidence        TEXT NOT NULL CHECK (evidence IN ('strong', 'moderate', 'limited', 'not_proven')),
    evidence_reason TEXT NOT NULL,
    status          TEXT NOT NULL,
    who_may_help    TEXT NOT NULL,
    results_time    TEXT NOT NULL,
    if_you_stop     TEXT NOT NULL,
    side_effects    TEXT NOT NULL,
    who_must_avoid  TEXT NOT NULL,
    questions       TEXT NOT NULL DEFAULT '[]',
    sources         TEXT NOT NULL DEFAULT '[]',
    last_reviewed   TEXT NOT NULL
);

CREATE TABLE cause_group (
    id       TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    title    TEXT NOT NULL,
    summary  TEXT NOT NULL,
    icon     TEXT NOT NULL
);

CREATE TABLE condition (
    id            TEXT PRIMARY KEY,
    group_id      TEXT NOT NULL REFERENCES cause_group (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    title         TEXT NOT NULL,
    what_it_is    TEXT NOT NULL,
    signs         TEXT NOT NULL DEFAULT '[]',
    doctor_checks TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE condition_treatment (
    condition_id TEXT NOT NULL REFERENCES condition (id) ON DELETE CASCADE,
    treatment_id TEXT NOT NULL REFERENCES treatment (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    PRIMARY KEY (condition_id, treatment_id)
);

CREATE TABLE red_flag (
    position INTEGER PRIMARY KEY,
    text     TEXT NOT NULL
);

CREATE TABLE glossary (
    term     TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    meaning  TEXT NOT NULL
);
