"""The stored staff PIN hash and its wrong-attempt state; the rules live in kiosk.content.pin."""

import sqlite3
from dataclasses import dataclass

from kiosk.storage.db import transaction


@dataclass(frozen=True)
class StoredPin:
    """The PIN's salt and scrypt hash, how many wrong tries in a row, and the lock end (UTC ISO) if locked."""

    salt: bytes
    hash: bytes
    failed_attempts: int
    locked_until: str | None


def read_pin(conn: sqlite3.Connection) -> StoredPin | None:
    """The stored PIN, or None when no PIN has been set."""
    row = conn.execute("SELECT salt, hash, failed_attempts, locked_until FROM staff_pin WHERE id = 1").fetchone()
    return StoredPin(*row) if row else None


def write_pin(conn: sqlite3.Connection, salt: bytes, pin_hash: bytes) -> None:
    """Store a new PIN hash, clearing any wrong-attempt count and lock."""
    with transaction(conn):
        conn.execute(
            "INSERT INTO staff_pin (id, salt, hash, failed_attempts, locked_until) VALUES (1, ?, ?, 0, NULL)"
            " ON CONFLICT (id) DO UPDATE SET salt = excluded.salt, hash = excluded.hash,"
            " failed_attempts = 0, locked_until = NULL",
            (salt, pin_hash),
        )


def write_attempts(conn: sqlite3.Connection, failed_attempts: int, locked_until: str | None) -> None:
    """Store the wrong-attempt count and the lock end."""
    with transaction(conn):
        conn.execute(
            "UPDATE staff_pin SET failed_attempts = ?, locked_until = ? WHERE id = 1", (failed_attempts, locked_until)
        )
