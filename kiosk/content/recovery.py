"""Starting on a damaged database: set it aside for IT, restore the newest good backup (or the bundled
content), and leave a note staff can see. A damaged file must never put the kiosk into a crash loop."""

import datetime
import logging
import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from kiosk.storage.db import SQLITE_HEADER, open_database
from kiosk.storage.errors import DatabaseBusyError, KnownError, is_busy, is_damage, plain_reason

log = logging.getLogger("kiosk.recovery")
RECOVERY_ACTION = "recovered-damaged-database"
# Another program may hold the file for a while (say, recovering its write-ahead log after a power cut):
# waited out, never taken for damage. Longer than this and the start is refused with nothing moved.
BUSY_WAIT_SECONDS = 60.0


@dataclass(frozen=True)
class RecoveryReport:
    """What happened at start: why the database was replaced, where the damaged copy is, what replaced it."""

    problem: str
    damaged_copy: Path
    restored_from: Path | None  # None: the bundled content was loaded

    def describe(self) -> str:
        """One paragraph for staff."""
        source = (
            f"the backup {self.restored_from.name}" if self.restored_from else "the content that came with the kiosk"
        )
        return (
            f"The kiosk database was damaged ({self.problem}). It was moved to {self.damaged_copy} for IT, "
            f"and the kiosk started again from {source}. Changes made after that backup may need redoing."
        )


def damage_of(path: Path, wait_seconds: float = BUSY_WAIT_SECONDS) -> str | None:
    """Why the database at `path` cannot be used as it is, or None if it passes SQLite's quick check.

    Judged by SQLite's error codes: busy or locked is waited out (DatabaseBusyError after `wait_seconds`),
    an error that is not about the file's content (permissions, disk) is a KnownError; only a file SQLite calls
    damaged, or a failed quick check, is damage. No file at `path` (not made yet, or a folder) is no damage:
    opening it says what is wrong.
    """
    if not path.is_file() or path.stat().st_size == 0:
        return None
    with path.open("rb") as file:
        if file.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            return "the file is not readable as a database"
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            result = _quick_check(path, timeout=max(0.05, min(1.0, deadline - time.monotonic())))
        except sqlite3.Error as error:
            if is_damage(error):
                return str(error)
            if not is_busy(error):
                raise KnownError(f"{path}: {plain_reason(error)}") from None
            if time.monotonic() >= deadline:
                log.warning("Database %s still busy after %.0f s: left as it is", path, wait_seconds)
                raise DatabaseBusyError(
                    f"{path}: another program has been using the kiosk database for {wait_seconds:.0f} seconds. "
                    "Nothing was changed or moved. Close the other program (or restart the computer), then start "
                    "the kiosk again."
                ) from None
            log.info("Database %s is busy (%s): waiting", path, error)
            time.sleep(0.05)  # some busy states (a log being recovered) return at once, without SQLite's wait
            continue
        return None if result == "ok" else result


class DamageCheck:
    """`damage_of(path)` on a thread of its own, begun as early as the start allows.

    SQLite's quick check reads the whole file (about 14 ms for 10,000 cards) and lets Python run meanwhile, so
    the Qt application and the window's modules are made beside it: the start no longer grows with the content.
    `result()` waits for the check and answers as `damage_of` would, raising what it raised."""

    def __init__(self, path: Path, wait_seconds: float = BUSY_WAIT_SECONDS):
        self.path = path
        self.wait_seconds = wait_seconds
        self._problem: str | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="database check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._problem = damage_of(self.path, self.wait_seconds)
        except BaseException as error:  # handed to the thread that asks for the result
            self._error = error

    def result(self) -> str | None:
        """Why the database cannot be used as it is, or None (see `damage_of`)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._problem


def _quick_check(path: Path, timeout: float) -> str:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        conn.close()


def _is_ours(path: Path) -> bool:
    """A file without an SQLite header is only treated as a damaged kiosk database if backups sit beside it."""
    from kiosk.storage.backup import BACKUP_FOLDER, automatic_backups

    with path.open("rb") as file:
        if file.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
            return True
    return bool(automatic_backups(path.parent / BACKUP_FOLDER))


def open_with_recovery(
    path: Path, check: DamageCheck | None = None
) -> tuple[sqlite3.Connection, RecoveryReport | None]:
    """Open the database, recovering first if it is damaged; KnownError for paths that are simply wrong.

    `check`: the quick check of this path, already begun (by default it is made now)."""
    problem = check.result() if check is not None else damage_of(path)
    if problem is None or not _is_ours(path):
        return open_database(path), None
    from kiosk.storage.audit import record_action  # recovery is rare: keep its imports out of every start

    report = _recover(path, problem)
    conn = open_database(path)
    record_action(conn, RECOVERY_ACTION, report.describe())
    return conn, report


def _recover(path: Path, problem: str) -> RecoveryReport:
    from kiosk.storage.backup import BACKUP_FOLDER, newest_good_backup, restore_from

    log.error("Damaged database %s: %s", path, problem)
    damaged_copy = _set_aside(path)
    backup = newest_good_backup(path.parent / BACKUP_FOLDER)
    if backup is not None:
        restore_from(path, backup)
    report = RecoveryReport(problem, damaged_copy, backup)
    log.warning(report.describe())
    return report


def _set_aside(path: Path) -> Path:
    """Rename the damaged file (and its journal files) to <name>.damaged-<UTC time>, never pruned."""
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    try:
        os.replace(path, aside)
        for suffix in ("-wal", "-shm"):
            side = Path(f"{path}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{aside}{suffix}"))
    except OSError as error:
        raise KnownError(f"{path}: the database is damaged and could not be moved aside ({error.strerror}).") from None
    return aside
