"""The draft and the numbered content versions, stored as JSON content documents."""

import datetime
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from kiosk.storage.db import transaction


@dataclass(frozen=True)
class Version:
    """One published version of the content: its number, when (UTC, ISO 8601), what changed, and who (initials,
    if staff gave them)."""

    number: int
    created_at: str
    summary: str
    initials: str = ""


def utc_now_text(now: datetime.datetime | None = None) -> str:
    """The time as UTC ISO 8601 text to the second, like 2026-11-25T11:52:20+00:00."""
    now = now or datetime.datetime.now(datetime.UTC)
    return now.astimezone(datetime.UTC).isoformat(timespec="seconds")


def read_draft(conn: sqlite3.Connection) -> dict[str, Any] | None:
    """The draft document, or None when there is no draft."""
    row = conn.execute("SELECT document FROM draft WHERE id = 1").fetchone()
    return json.loads(row[0]) if row else None


def write_draft(conn: sqlite3.Connection, document: dict[str, Any]) -> None:
    """Store `document` as the draft, replacing any earlier draft."""
    with transaction(conn):
        conn.execute(
            "INSERT INTO draft (id, document, updated_at) VALUES (1, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at",
            (json.dumps(document, ensure_ascii=False), utc_now_text()),
        )


def delete_draft(conn: sqlite3.Connection) -> bool:
    """Remove the draft; whether there was one."""
    with transaction(conn):
        return conn.execute("DELETE FROM draft").rowcount > 0


def add_version(conn: sqlite3.Connection, summary: str, document: dict[str, Any], initials: str = "") -> Version:
    """Record a new version numbered one more than the last."""
    with transaction(conn):
        number = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM content_version").fetchone()[0]
        created_at = utc_now_text()
        conn.execute(
            "INSERT INTO content_version (id, created_at, summary, document, initials) VALUES (?, ?, ?, ?, ?)",
            (number, created_at, summary, json.dumps(document, ensure_ascii=False), initials),
        )
    return Version(number, created_at, summary, initials)


def list_versions(conn: sqlite3.Connection) -> list[Version]:
    """Every version, newest first."""
    rows = conn.execute("SELECT id, created_at, summary, initials FROM content_version ORDER BY id DESC").fetchall()
    return [Version(*row) for row in rows]


def version_count(conn: sqlite3.Connection) -> int:
    """How many versions there are."""
    return conn.execute("SELECT COUNT(*) FROM content_version").fetchone()[0]


def read_version_document(conn: sqlite3.Connection, number: int) -> dict[str, Any] | None:
    """The document of version `number`, or None if there is no such version."""
    row = conn.execute("SELECT document FROM content_version WHERE id = ?", (number,)).fetchone()
    return json.loads(row[0]) if row else None
