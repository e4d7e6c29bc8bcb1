-- Staff may leave their initials on each publish, shown in the history ('' when none were given).
ALTER TABLE content_version ADD COLUMN initials TEXT NOT NULL DEFAULT '';
