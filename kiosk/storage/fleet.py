"""Trusted signing keys, where the content on show came from, and the watched folder's last findings."""

import sqlite3
from dataclasses import dataclass

from kiosk.storage.db import transaction
from kiosk.storage.versions import utc_now_text


@dataclass(frozen=True)
class TrustedKey:
    """A public key whose signed packs this kiosk accepts."""

    fingerprint: str
    public_key: bytes
    label: str
    added_at: str


@dataclass(frozen=True)
class ContentOrigin:
    """The content version on show, who signed it (None: unsigned) and the pack it came from."""

    content_version: int
    signer: str | None
    pack_name: str
    newest_seen: int
    imported_at: str


@dataclass(frozen=True)
class WatchedFile:
    """One file in the watched folder and what the kiosk did with it."""

    name: str
    size: int
    modified: float
    state: str  # imported, waiting, copying, refused or old
    message: str
    seen_at: str


def trusted_keys(conn: sqlite3.Connection) -> list[TrustedKey]:
    """Every trusted key, oldest first."""
    rows = conn.execute("SELECT fingerprint, public_key, label, added_at FROM trusted_key ORDER BY added_at, rowid")
    return [TrustedKey(*row) for row in rows]


def add_trusted_key(conn: sqlite3.Connection, fingerprint: str, public_key: bytes, label: str) -> None:
    """Trust one more key (a key already trusted only has its label updated)."""
    with transaction(conn):
        conn.execute(
            "INSERT INTO trusted_key (fingerprint, public_key, label, added_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (fingerprint) DO UPDATE SET label = excluded.label",
            (fingerprint, public_key, label, utc_now_text()),
        )


def remove_trusted_key(conn: sqlite3.Connection, fingerprint: str) -> bool:
    """Stop trusting a key; False if it was not trusted."""
    with transaction(conn):
        return conn.execute("DELETE FROM trusted_key WHERE fingerprint = ?", (fingerprint,)).rowcount > 0


def content_origin(conn: sqlite3.Connection) -> ContentOrigin | None:
    """Where the content on show came from, or None if no pack was ever imported."""
    row = conn.execute(
        "SELECT content_version, signer, pack_name, newest_seen, imported_at FROM content_origin"
    ).fetchone()
    return ContentOrigin(*row) if row else None


def write_content_origin(conn: sqlite3.Connection, content_version: int, signer: str | None, pack_name: str) -> None:
    """Record the pack now on show (joins the caller's transaction)."""
    with transaction(conn):
        conn.execute(
            "INSERT INTO content_origin (id, content_version, signer, pack_name, newest_seen, imported_at) "
            "VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET content_version = excluded.content_version, "
            "signer = excluded.signer, pack_name = excluded.pack_name, "
            "newest_seen = max(newest_seen, excluded.newest_seen), imported_at = excluded.imported_at",
            (content_version, signer, pack_name, content_version, utc_now_text()),
        )


def watched_files(conn: sqlite3.Connection) -> list[WatchedFile]:
    """The findings of the last look at the watched folder, by file name."""
    rows = conn.execute("SELECT name, size, modified, state, message, seen_at FROM watched_file ORDER BY name")
    return [WatchedFile(*row) for row in rows]


def replace_watched_files(conn: sqlite3.Connection, files: list[WatchedFile]) -> None:
    """Keep only these findings (files gone from the folder are forgotten), in one transaction."""
    with transaction(conn):
        conn.execute("DELETE FROM watched_file")
        conn.executemany(
            "INSERT INTO watched_file (name, size, modified, state, message, seen_at) VALUES (?, ?, ?, ?, ?, ?)",
            [(f.name, f.size, f.modified, f.state, f.message, f.seen_at) for f in files],
        )
