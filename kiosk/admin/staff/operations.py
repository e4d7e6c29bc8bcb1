"""Slow staff work off the GUI thread: one helper for publish, restore, import, export and backups.

Each operation runs in a worker thread on ITS OWN SQLite connection to the kiosk database (a connection is
never shared between threads) while the progress panel covers the staff area. When the work is done the
GUI thread is told what came of it and updates itself; an error becomes one plain message for staff.
"""

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from kiosk.content.document import printable
from kiosk.content.labels import describe_problem
from kiosk.content.schema import ContentError
from kiosk.storage.db import connect
from kiosk.storage.errors import KnownError

log = logging.getLogger("kiosk.staff")
NOTHING_CHANGED = "Nothing was changed."
MAX_PROBLEMS_SHOWN = 8

Work = Callable[[sqlite3.Connection], Any]


def staff_message(error: BaseException) -> str:
    """What went wrong, in words for staff, ending with what that means for the content."""
    if isinstance(error, ContentError):
        shown = [f"• {printable(describe_problem(problem))}" for problem in error.problems[:MAX_PROBLEMS_SHOWN]]
        hidden = len(error.problems) - len(shown)
        if hidden > 0:
            shown.append(f"• …and {hidden} more")
        return "\n".join(["This content cannot be used. Fix these first:", *shown, NOTHING_CHANGED])
    if isinstance(error, KnownError):
        return f"{printable(str(error), 1000)} {NOTHING_CHANGED}"
    if isinstance(error, sqlite3.Error):
        return (
            f"The kiosk database could not be changed ({printable(str(error))}). If the disk is full, "
            f"ask IT to free some space. {NOTHING_CHANGED}"
        )
    if isinstance(error, OSError):
        return f"The file could not be used ({printable(error.strerror or str(error))}). {NOTHING_CHANGED}"
    return f"Something went wrong ({printable(str(error))}). The kiosk log has the details."


class _JobSignals(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    """One piece of work on a fresh connection; reports back through its signals."""

    def __init__(self, db_path: Path, work: Work):
        super().__init__()
        self.signals = _JobSignals()
        self._db_path = db_path
        self._work = work

    def run(self) -> None:
        try:
            conn = connect(self._db_path)
            try:
                result = self._work(conn)
            finally:
                conn.close()
        except (KnownError, ContentError, sqlite3.Error, OSError) as error:
            self.signals.failed.emit(staff_message(error))
            return
        except Exception as error:  # noqa: BLE001 - a bug in one operation must not leave staff stuck
            log.exception("A staff operation failed")
            self.signals.failed.emit(staff_message(error))
            return
        self.signals.done.emit(result)


class Progress(Protocol):
    """What the operations need from a progress display."""

    def start(self, text: str) -> None: ...

    def stop(self) -> None: ...


class StaffOperations(QObject):
    """Runs one operation at a time in a worker thread, with `progress` showing until it ends."""

    started = Signal(str)
    finished = Signal(bool)  # whether it worked

    def __init__(self, db_path: Path, progress: Progress, parent: QObject | None = None):
        super().__init__(parent)
        self._db_path = Path(db_path)
        self._progress = progress
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running: tuple[_Job, Callable[[Any], None], Callable[[str], None]] | None = None

    @property
    def busy(self) -> bool:
        """Whether an operation is running."""
        return self._running is not None

    def run(self, label: str, work: Work, on_done: Callable[[Any], None], on_failed: Callable[[str], None]) -> bool:
        """Start `work(conn)` in the worker; `on_done(result)` or `on_failed(message)` later, on the GUI thread."""
        if self._running is not None:
            return False
        job = _Job(self._db_path, work)
        job.setAutoDelete(False)
        job.signals.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        job.signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._running = (job, on_done, on_failed)
        self._progress.start(label)
        self.started.emit(label)
        self._pool.start(job)
        return True

    def wait(self) -> None:
        """Block until the worker is idle (used when the staff area closes)."""
        self._pool.waitForDone()

    def _finish(self) -> tuple[Callable[[Any], None], Callable[[str], None]]:
        assert self._running is not None
        _, on_done, on_failed = self._running
        self._running = None
        self._progress.stop()
        return on_done, on_failed

    def _on_done(self, result: object) -> None:
        on_done, _ = self._finish()
        try:
            on_done(result)
        finally:
            self.finished.emit(True)

    def _on_failed(self, message: str) -> None:
        _, on_failed = self._finish()
        try:
            on_failed(message)
        finally:
            self.finished.emit(False)
