"""Numbered SQL migrations from db/; PRAGMA user_version holds the number of the last one applied."""

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kiosk.resources import migrations_dir
from kiosk.storage.errors import SchemaTooNewError

_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    """One numbered migration file."""

    number: int
    path: Path


def available_migrations(folder: Path | None = None) -> list[Migration]:
    """The migration files in order of their numbers."""
    folder = folder or migrations_dir()
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match:
            found.append(Migration(int(match.group(1)), path))
    return sorted(found, key=lambda migration: migration.number)


def schema_version(conn: sqlite3.Connection) -> int:
    """The number of the last migration applied to this database."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


def latest_version() -> int:
    """The schema version this kiosk writes."""
    migrations = available_migrations()
    return migrations[-1].number if migrations else 0


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply the migrations this database lacks, each in its own transaction; return their numbers."""
    current = schema_version(conn)
    known = latest_version()
    if current > known:
        raise SchemaTooNewError(
            f"This database was made by a newer version of the kiosk (schema {current}; this version knows "
            f"up to {known}). Install the newer kiosk; the database was not changed."
        )
    applied = []
    for migration in available_migrations():
        if migration.number <= current:
            continue
        script = migration.path.read_text(encoding="utf-8")
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {migration.number};\nCOMMIT;")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.append(migration.number)
    return applied
