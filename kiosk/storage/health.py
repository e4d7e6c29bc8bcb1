"""A read-only health check of a kiosk database file: SQLite integrity, links between tables, schema version."""

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kiosk.storage.backup import KIOSK_TABLES
from kiosk.storage.db import SQLITE_HEADER
from kiosk.storage.errors import KnownError
from kiosk.storage.migrations import latest_version


@dataclass(frozen=True)
class Health:
    """What SQLite says about one database: problems are empty tuples when all is well."""

    schema_version: int
    latest_version: int
    integrity_problems: tuple[str, ...]
    broken_links: tuple[str, ...]
    missing_tables: tuple[str, ...]


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the database (it still sees changes not yet checkpointed)."""
    path = Path(path)
    if not path.is_file():
        raise KnownError(f"There is no kiosk database at {path}.")
    with path.open("rb") as file:
        if file.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise KnownError(f"{path}: this file is not a kiosk database (not an SQLite file).")
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def database_health(conn: sqlite3.Connection) -> Health:
    """Run PRAGMA integrity_check and foreign_key_check, and compare the schema version with this kiosk's."""
    integrity = tuple(row[0] for row in conn.execute("PRAGMA integrity_check").fetchall())
    links = tuple(
        f"a row in {table} points to a missing row in {parent}"
        for table, _, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchall()
    )
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return Health(
        schema_version=conn.execute("PRAGMA user_version").fetchone()[0],
        latest_version=latest_version(),
        integrity_problems=() if integrity == ("ok",) else integrity,
        broken_links=links,
        missing_tables=tuple(sorted(KIOSK_TABLES - tables)),
    )


def table_names(conn: sqlite3.Connection) -> set[str]:
    """The tables the database has (an older schema lacks the newer ones)."""
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
