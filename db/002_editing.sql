-- Staff editing: the unpublished draft, numbered published versions, the staff audit log, and the staff PIN.
-- Documents are the JSON content documents of kiosk/content/document.py (cards, causes, warning signs,
-- glossary, clinic name and doctor guidance). No patient data is ever stored.

-- At most one draft: the whole content as staff are editing it, not yet shown to patients.
CREATE TABLE draft (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    document   TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Every publish, import and rollback, numbered 1, 2, 3...; the document is kept so any version can be restored.
CREATE TABLE content_version (
    id         INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    summary    TEXT NOT NULL,
    document   TEXT NOT NULL
);

-- What staff did, and when (UTC). Never patient data.
CREATE TABLE audit_log (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    at     TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);

-- The staff PIN as a salted scrypt hash, and the wrong-PIN count and lock, which survive restarts.
CREATE TABLE staff_pin (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    salt            BLOB NOT NULL,
    hash            BLOB NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT
);
