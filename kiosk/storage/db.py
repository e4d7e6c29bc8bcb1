"""Opening the kiosk database safely, and one transaction per write."""

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kiosk.storage.errors import DatabaseBusyError, KnownError, is_busy, plain_reason
from kiosk.storage.migrations import migrate

SQLITE_HEADER = b"SQLite format 3\x00"


def check_database_path(path: Path) -> None:
    """Refuse, with a message naming the path, anything that is not a usable database location."""
    if path.is_dir():
        raise KnownError(f"{path}: this is a folder, not a database file.")
    if path.exists():
        if not os.access(path, os.R_OK):
            raise KnownError(f"{path}: the kiosk is not allowed to read this file.")
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
        if header and header != SQLITE_HEADER:
            raise KnownError(f"{path}: this file is not a kiosk database (not an SQLite file). It was left as it is.")
        if not os.access(path, os.W_OK):
            raise KnownError(f"{path}: the kiosk is not allowed to change this file.")
        return
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise KnownError(f"{path}: cannot create the folder {folder} ({error.strerror}).") from None
    if not os.access(folder, os.W_OK):
        raise KnownError(f"{path}: the kiosk is not allowed to write in {folder}.")


def connect(path: Path | str) -> sqlite3.Connection:
    """Open a connection in autocommit mode with the pragmas every kiosk connection uses."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    if str(path) != ":memory:":
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a power cut never loses a transaction that reported success.
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def open_database(path: Path | str) -> sqlite3.Connection:
    """Check the path, open it and bring the schema up to date; KnownError with a clear message if it can't."""
    path = Path(path)
    check_database_path(path)
    try:
        conn = connect(path)
        migrate(conn)
    except sqlite3.DatabaseError as error:
        if is_busy(error):
            raise DatabaseBusyError(f"{path}: {plain_reason(error)} Nothing was changed.") from None
        raise KnownError(f"{path}: cannot use this database. {plain_reason(error)}") from None
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: all of it is committed, or none of it. Nested use joins the outer one."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:  # SQLite has already rolled back after some errors, such as a full disk
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
