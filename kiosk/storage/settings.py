"""Raw key/value settings in the database; types and ranges are checked by kiosk.content.settings."""

import sqlite3

from kiosk.storage.db import transaction


def read_settings(conn: sqlite3.Connection) -> dict[str, str]:
    """Every stored setting as text."""
    return dict(conn.execute("SELECT key, value FROM setting").fetchall())


def write_settings(conn: sqlite3.Connection, values: dict[str, str]) -> None:
    """Store these settings in one transaction."""
    with transaction(conn):
        conn.executemany(
            "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            list(values.items()),
        )
