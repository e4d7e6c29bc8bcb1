-- Many kiosks, one source of content: the public keys this kiosk trusts to sign content packs, where the
-- content on show came from (its content version and signer), and what the watched folder last held.
-- Nothing about patients.

-- Ed25519 public keys (32 raw bytes) whose signed packs this kiosk accepts; staff add them with kiosk-admin.
CREATE TABLE trusted_key (
    fingerprint TEXT PRIMARY KEY,
    public_key  BLOB NOT NULL UNIQUE CHECK (length(public_key) = 32),
    label       TEXT NOT NULL DEFAULT '',
    added_at    TEXT NOT NULL
);

-- The content version on show and who signed it (NULL: an unsigned pack imported by hand, or the bundled content).
CREATE TABLE content_origin (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    content_version INTEGER NOT NULL,
    signer          TEXT,
    pack_name       TEXT NOT NULL,
    -- The newest version ever imported: a deliberate roll-back is not undone by a folder still holding it.
    newest_seen     INTEGER NOT NULL,
    imported_at     TEXT NOT NULL
);

-- The files found in the watched folder at the last look: what was done with each and why, in staff words.
CREATE TABLE watched_file (
    name      TEXT PRIMARY KEY,
    size      INTEGER NOT NULL,
    modified  REAL NOT NULL,
    state     TEXT NOT NULL CHECK (state IN ('imported', 'waiting', 'copying', 'refused', 'old')),
    message   TEXT NOT NULL,
    seen_at   TEXT NOT NULL
);
