"""The staff audit log: what was done and when. Never patient data."""

import sqlite3
from dataclasses import dataclass

from kiosk.storage.db import transaction
from kiosk.storage.versions import utc_now_text

MAX_DETAIL = 500


@dataclass(frozen=True)
class AuditEntry:
    """One staff action: when (UTC, ISO 8601), what, and a short detail."""

    at: str
    action: str
    detail: str


def record_action(conn: sqlite3.Connection, action: str, detail: str = "") -> None:
    """Add one entry to the audit log (joins the caller's transaction if there is one)."""
    with transaction(conn):
        conn.execute(
            "INSERT INTO audit_log (at, action, detail) VALUES (?, ?, ?)",
            (utc_now_text(), action, detail[:MAX_DETAIL]),
        )


def read_audit_log(conn: sqlite3.Connection, limit: int = 200) -> list[AuditEntry]:
    """The latest entries, newest first."""
    rows = conn.execute("SELECT at, action, detail FROM audit_log ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
    return [AuditEntry(*row) for row in rows]
