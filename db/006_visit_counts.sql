-- Anonymous visit counts, kept only when staff turn counting on (setting count_visits): for each day, how often
-- each screen and each card was opened and how often a list of questions was shown or printed, for all patients
-- together. Never a person, never a time finer than the day, never the order in which screens were seen.
CREATE TABLE daily_count (
    day   TEXT    NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    kind  TEXT    NOT NULL CHECK (kind IN ('screen', 'card', 'summary')),
    name  TEXT    NOT NULL,  -- a screen name, a card id, or 'shown' / 'printed' for summaries
    count INTEGER NOT NULL CHECK (count > 0),
    PRIMARY KEY (day, kind, name)
) WITHOUT ROWID;
