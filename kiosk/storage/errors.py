"""Errors the storage layer raises, split by whose fault they are, and SQLite errors told apart by their code."""

import sqlite3
from enum import IntEnum


class KnownError(Exception):
    """The environment's fault (bad path, damaged or newer file, full disk): shown to staff as it is."""


class SchemaTooNewError(KnownError):
    """The database was written by a newer kiosk; this one refuses to touch it."""


class DatabaseBusyError(KnownError):
    """Another program held the database for longer than the kiosk waits; nothing was changed or moved."""


class BugError(Exception):
    """Our fault: something the code should never do. Logged with its traceback."""


class SqliteErrorCode(IntEnum):
    """SQLite's primary result codes the kiosk acts on (https://sqlite.org/rescode.html)."""

    ERROR = 1
    PERM = 3
    BUSY = 5
    LOCKED = 6
    READONLY = 8
    IOERR = 10
    CORRUPT = 11
    FULL = 13
    CANTOPEN = 14
    NOTADB = 26


def primary_code(error: BaseException) -> int | None:
    """SQLite's primary result code of `error` (extended codes folded), or None if SQLite gave none."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_busy(error: BaseException) -> bool:
    """Another connection holds the database for now: wait and try again; never a sign of damage."""
    return primary_code(error) in (SqliteErrorCode.BUSY, SqliteErrorCode.LOCKED)


def is_damage(error: BaseException) -> bool:
    """SQLite itself says the file is damaged or is not a database."""
    return primary_code(error) in (SqliteErrorCode.CORRUPT, SqliteErrorCode.NOTADB)


_REASONS = {
    SqliteErrorCode.FULL: "The kiosk's disk is full, so the change could not be saved. Free some space and try again.",
    SqliteErrorCode.READONLY: "The kiosk is not allowed to write to its data folder. "
    "Ask IT to check the folder's permissions.",
    SqliteErrorCode.PERM: "The kiosk is not allowed to use its data folder. Ask IT to check the folder's permissions.",
    SqliteErrorCode.CANTOPEN: "The kiosk cannot open its database file. Ask IT to check the data folder and its "
    "permissions.",
    SqliteErrorCode.BUSY: "Another program is using the kiosk database right now. Try again in a minute.",
    SqliteErrorCode.LOCKED: "Another program is using the kiosk database right now. Try again in a minute.",
    SqliteErrorCode.CORRUPT: "The kiosk database is damaged. Restart the kiosk: it restores the newest good backup "
    "by itself.",
    SqliteErrorCode.NOTADB: "The kiosk database is damaged. Restart the kiosk: it restores the newest good backup "
    "by itself.",
    SqliteErrorCode.IOERR: "The kiosk could not read or write its disk. Ask IT to check the disk, then try again.",
}


def plain_reason(error: Exception) -> str:
    """What an SQLite error means for staff, in plain words, chosen by SQLite's error code (never its wording)."""
    if isinstance(error, sqlite3.Error):
        code = primary_code(error)
        if code in _REASONS:
            return _REASONS[SqliteErrorCode(code)]
    return f"The database could not be used ({error}). Ask IT to look at the kiosk's log."
