"""Backups of the kiosk database with sqlite3's backup API: on demand, automatic before changes, and restore.

Automatic backups live in a `backups` folder beside the database, named kiosk-YYYYmmdd-HHMMSS-<reason>.db
(UTC time); only the newest `keep` of them are kept. Other files in that folder are never touched.
"""

import datetime
import os
import re
import shutil
import sqlite3
from pathlib import Path

from kiosk.storage.db import SQLITE_HEADER, connect
from kiosk.storage.errors import KnownError
from kiosk.storage.migrations import latest_version, migrate

BACKUP_FOLDER = "backups"
AUTOMATIC_NAME = re.compile(r"^kiosk-(\d{8}-\d{6})-([a-z0-9-]+)\.db$")
KIOSK_TABLES = {"setting", "treatment", "cause_group", "condition", "condition_treatment", "red_flag", "glossary"}


def database_file(conn: sqlite3.Connection) -> Path:
    """The file this connection's main database is in (KnownError for an in-memory database)."""
    for _, name, file in conn.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file)
    raise KnownError("This database is only in memory, so it has no folder for backups.")


def default_backup_dir(conn: sqlite3.Connection) -> Path:
    """The `backups` folder beside the database file."""
    return database_file(conn).parent / BACKUP_FOLDER


def backup_to(conn: sqlite3.Connection, path: Path) -> Path:
    """Copy the whole database into a new single file at `path`; refuses to overwrite an existing file."""
    path = Path(path)
    if path.exists():
        raise KnownError(f"{path}: a file with this name already exists. Choose another name.")
    partial = path.with_name(path.name + ".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        _copy_database(conn, partial)
        os.replace(partial, path)
        _sync_folder(path.parent)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise KnownError(f"{path}: could not write the backup ({_reason(error)}).") from None
    return path


def _copy_database(source: sqlite3.Connection, path: Path) -> None:
    destination = sqlite3.connect(str(path))
    try:
        source.backup(destination)
        # The copy inherits WAL mode; a backup must be one self-contained file.
        destination.execute("PRAGMA journal_mode = DELETE")
    finally:
        destination.close()
    with path.open("rb") as file:
        os.fsync(file.fileno())


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _reason(error: BaseException) -> str:
    return getattr(error, "strerror", None) or str(error)


def automatic_backup(
    conn: sqlite3.Connection,
    reason: str,
    folder: Path | None = None,
    keep: int = 10,
    now: datetime.datetime | None = None,
) -> Path:
    """Back up into the backups folder as kiosk-<UTC time>-<reason>.db, then keep only the newest `keep`."""
    folder = Path(folder) if folder else default_backup_dir(conn)
    path = backup_to(conn, _new_backup_path(folder, reason, now))
    prune_backups(folder, keep)
    return path


def _new_backup_path(folder: Path, reason: str, now: datetime.datetime | None = None) -> Path:
    now = (now or datetime.datetime.now(datetime.UTC)).astimezone(datetime.UTC)
    slug = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-") or "backup"
    stem = f"kiosk-{now:%Y%m%d-%H%M%S}-{slug}"
    path, number = folder / f"{stem}.db", 1
    while path.exists():
        number += 1
        path = folder / f"{stem}-{number}.db"
    return path


def automatic_backups(folder: Path) -> list[Path]:
    """The automatic backups in `folder`, newest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = AUTOMATIC_NAME.match(path.name)
        if match and path.is_file():
            found.append((match.group(1), path.stat().st_mtime_ns, path.name, path))
    return [entry[-1] for entry in sorted(found, reverse=True)]


def prune_backups(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` automatic backups; the paths deleted."""
    removed = automatic_backups(folder)[max(keep, 1) :]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def _open_read_only(path: Path) -> sqlite3.Connection:
    # immutable: reading a backup must never create -wal or -shm files beside it (it may be on a USB stick).
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True)


CHOOSE_ANOTHER = "Choose another backup (an older automatic one, or one made with Back up now)."


def check_backup(path: Path) -> int:
    """The schema version of a usable kiosk backup; KnownError saying why a file cannot be restored."""
    path = Path(path)
    if not path.is_file():
        raise KnownError(f"{path}: there is no such file. Check the name and that the USB stick is in.")
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise KnownError(
            f"{path}: cannot read this file ({_reason(error)}). Check the USB stick is in, or ask IT."
        ) from None
    if header != SQLITE_HEADER:
        raise KnownError(f"{path}: this is not a kiosk backup (it is not a database file). {CHOOSE_ANOTHER}")
    try:
        source = _open_read_only(path)
        try:
            result = source.execute("PRAGMA integrity_check").fetchone()[0]
            version = source.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            source.close()
    except sqlite3.DatabaseError as error:
        raise KnownError(f"{path}: this backup is damaged ({error}). {CHOOSE_ANOTHER}") from None
    if result != "ok":
        raise KnownError(f"{path}: this backup is damaged ({result}). {CHOOSE_ANOTHER}")
    if version > latest_version():
        raise KnownError(
            f"{path}: this backup was made by a newer version of the kiosk (schema {version}; this version "
            f"knows up to {latest_version()}). Install the newer kiosk to restore it."
        )
    if not KIOSK_TABLES <= tables:
        raise KnownError(f"{path}: this is a database file, but not a kiosk database. {CHOOSE_ANOTHER}")
    return version


def is_good_backup(path: Path) -> bool:
    """Whether `path` is a kiosk backup that can be restored."""
    try:
        check_backup(path)
    except KnownError:
        return False
    return True


def newest_good_backup(folder: Path) -> Path | None:
    """The newest automatic backup in `folder` that passes check_backup, or None."""
    return next((path for path in automatic_backups(folder) if is_good_backup(path)), None)


def restore_from(
    target: sqlite3.Connection | Path | str,
    backup_file: Path,
    folder: Path | None = None,
    keep: int = 10,
) -> Path | None:
    """Replace the database with a checked backup, after backing up the current one; returns that safety copy.

    `target` is an open connection (the normal case) or the path of a database no connection has open
    (crash recovery at start: a damaged database is copied aside as it is, then replaced; None if there was
    no database file).
    """
    check_backup(backup_file)
    if isinstance(target, sqlite3.Connection):
        return _restore_into_connection(target, Path(backup_file), folder, keep)
    return _restore_file(Path(target), Path(backup_file), folder, keep)


def _restore_into_connection(conn: sqlite3.Connection, backup_file: Path, folder: Path | None, keep: int) -> Path:
    if conn.in_transaction:
        raise KnownError("Cannot restore in the middle of another change. Try again.")
    safety = automatic_backup(conn, "before-restore", folder, keep)
    try:
        source = _open_read_only(backup_file)
        try:
            source.backup(conn)
        finally:
            source.close()
        migrate(conn)
    except sqlite3.Error as error:
        raise KnownError(f"{backup_file}: could not restore this backup ({error}).") from None
    return safety


def _restore_file(db_path: Path, backup_file: Path, folder: Path | None, keep: int) -> Path | None:
    folder = Path(folder) if folder else db_path.parent / BACKUP_FOLDER
    safety = _set_aside(db_path, folder, keep) if db_path.exists() else None
    restoring = db_path.with_name(db_path.name + ".restoring")
    try:
        restoring.unlink(missing_ok=True)
        source = _open_read_only(backup_file)
        try:
            _copy_database(source, restoring)
        finally:
            source.close()
        for side_file in (Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
            side_file.unlink(missing_ok=True)
        os.replace(restoring, db_path)
        conn = connect(db_path)
        try:
            migrate(conn)
        finally:
            conn.close()
    except (OSError, sqlite3.Error) as error:
        restoring.unlink(missing_ok=True)
        raise KnownError(f"{backup_file}: could not restore this backup ({_reason(error)}).") from None
    return safety


def _set_aside(db_path: Path, folder: Path, keep: int) -> Path:
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return automatic_backup(conn, "before-restore", folder, keep)
        finally:
            conn.close()
    except (sqlite3.DatabaseError, KnownError):
        pass
    folder.mkdir(parents=True, exist_ok=True)
    aside = _new_backup_path(folder, "damaged")
    shutil.copy2(db_path, aside)
    if Path(f"{db_path}-wal").exists():
        shutil.copy2(f"{db_path}-wal", f"{aside}-wal")
    return aside
