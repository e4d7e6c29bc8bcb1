"""Services a kiosk left alone runs: a heartbeat file for monitoring, and the watched folder of signed packs.

Qt only at this edge: the decisions are in kiosk.content.watched_folder and kiosk.content.heartbeat.
"""

import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from kiosk.content.heartbeat import HEARTBEAT_SECONDS, write_heartbeat
from kiosk.storage.fleet import content_origin
from kiosk.ui.background import Background
from kiosk.ui.navigator import START, Route

log = logging.getLogger("kiosk.unattended")
LOOK_EVERY_MS = 60_000  # the periodic look catches what the file watcher misses (network folders, USB sticks)
LOOK_AFTER_CHANGE_MS = 6_000  # a little over SETTLE_SECONDS: a file just written is looked at once it settles


M_ARENA_MAX = -8  # glibc's mallopt() parameter number


def use_one_memory_arena() -> bool:
    """Have every thread allocate from the one malloc arena (glibc); False where that cannot be set.

    glibc gives each thread that allocates at once with another its own arena, which keeps what it freed for good
    (the kiosk's worker threads wait on helper processes and printers a few times an hour, for months). With one
    arena the memory a thread frees serves the GUI thread again; the kiosk's threads rarely run at once."""
    libc = _glibc()
    return bool(libc and libc.mallopt(M_ARENA_MAX, 1))


def return_freed_memory() -> bool:
    """Hand the memory freed so far back to the system (glibc); False where that cannot be done.

    glibc keeps what the kiosk frees for its own reuse, and free pieces left between pieces still in use are never
    handed back on their own: a long visit's screens, built and deleted, can leave a megabyte or more of them.
    Done between patients: it takes about 0.2 ms."""
    libc = _glibc()
    return bool(libc and libc.malloc_trim(0))


def _glibc():
    """The C library's functions, or None where it is not glibc (another libc, or another system)."""
    import ctypes

    try:
        libc = ctypes.CDLL(None)  # the process's own symbols: libc's among them
    except OSError:
        return None
    return libc if hasattr(libc, "malloc_trim") else None


def is_quiet(window) -> bool:
    """No patient: the start screen with nothing behind it and no question on screen."""
    closed = getattr(window, "closed_screen", None)
    overlay = window.idle.overlay.isVisible() if hasattr(window.idle, "overlay") else False
    at_start = window.navigator.history == (Route(START),)
    staff_at_work = window.idle.paused
    return (at_start and not overlay and not staff_at_work) or (closed is not None and closed.isVisible())


def screen_kind(window) -> str:
    """The kind of screen on show ("start", "treatment", "closed", "staff"), never which card or cause."""
    closed = getattr(window, "closed_screen", None)
    if closed is not None and closed.isVisible():
        return "closed"
    if window.idle.paused:
        return "staff"
    current = window.navigator.current
    return current.screen if current else "none"


class Heartbeat(QObject):
    """Writes the heartbeat file now and every HEARTBEAT_SECONDS."""

    def __init__(self, window, db_path: Path):
        super().__init__(window)
        self.window = window
        self.db_path = Path(db_path)
        self.timer = QTimer(self, interval=HEARTBEAT_SECONDS * 1000)
        self.timer.timeout.connect(self.beat)
        self.timer.start()
        self.beat()

    def beat(self) -> None:
        """Write one heartbeat; a failure is logged, never shown to a patient."""
        try:
            origin = content_origin(self.window.library.conn)
            write_heartbeat(self.db_path, screen_kind(self.window), origin.content_version if origin else 0)
        except Exception:  # noqa: BLE001 - monitoring must never stop the kiosk
            log.exception("Could not write the heartbeat file")


class FolderWatch(QObject):
    """Looks at the watched folder when it changes, every minute, and whenever a patient leaves.

    The folder is looked at on a worker thread: it is often on a network share, and a share whose server has gone
    can keep a look waiting for minutes; the kiosk must go on answering taps meanwhile."""

    def __init__(self, window, db_path: Path):
        super().__init__(window)
        self.window = window
        self.db_path = Path(db_path)
        self.looking = False  # one look at a time
        self._look_again = False  # asked for during a look: what changed meanwhile is looked at next
        self._background = Background(self)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self.look_soon)
        self.soon = QTimer(self, singleShot=True, interval=LOOK_AFTER_CHANGE_MS)
        self.soon.timeout.connect(self.look)
        self.every = QTimer(self, interval=LOOK_EVERY_MS)
        self.every.timeout.connect(self.look)
        self.every.start()
        window.navigator.changed.connect(lambda route: route == Route(START) and self.look_soon())
        self.look()

    def look_soon(self, *_) -> None:
        """Look again shortly (a file that just appeared may still be arriving)."""
        self.soon.start()

    def look(self) -> None:
        """Import the newest valid pack if no patient is using the kiosk; only look while it is quiet."""
        if not self.every.isActive():
            return
        if self.looking:
            self._look_again = True
            return
        text = self.window.library.settings().watched_folder  # the settings may change while the kiosk runs
        if not text:
            self._watch(None)
            return
        if not is_quiet(self.window):
            return
        self.looking = True
        folder = Path(text)
        self._background.run(lambda: self._look_at(folder), lambda result: self._looked(folder, *result))

    def _look_at(self, folder: Path) -> tuple[bool, bool]:
        """On a worker thread: whether the folder is there, and whether a pack came in from it."""
        from kiosk.content.watched_folder import import_from_folder
        from kiosk.storage.db import open_database

        try:
            if not folder.is_dir():
                return False, False
            conn = open_database(self.db_path)  # its own connection: the window notices the change and reloads
            try:
                return True, import_from_folder(conn, folder, quiet=True) is not None
            finally:
                conn.close()
        except Exception:  # noqa: BLE001 - a bad folder must never stop the kiosk or send a patient away
            log.exception("Could not look at the watched folder")
            return False, False  # looked at again in a minute

    def _looked(self, folder: Path, there: bool, imported: bool) -> None:
        self.looking = False
        self._watch(folder if there else None)
        if imported:
            self.window.check_for_changes()
        if self._look_again:
            self._look_again = False
            self.look()

    def _watch(self, folder: Path | None) -> None:
        """Have the file watcher watch `folder` (once it exists), and nothing else."""
        watched = set(self.watcher.directories())
        wanted = {str(folder)} if folder is not None else set()
        if watched != wanted:
            if watched:
                self.watcher.removePaths(list(watched))
            if wanted:
                self.watcher.addPaths(list(wanted))

    def stop(self) -> None:
        """Stop watching (the window is closing)."""
        self.every.stop()
        self.soon.stop()
        self.watcher.removePaths(self.watcher.directories())


def start_opening_hours(window, clock=None):
    """The dark, still screen outside opening hours (nothing happens while the setting is empty)."""
    from kiosk.ui.closed_screen import OpeningHoursWatch

    watch = OpeningHoursWatch(window, is_quiet, clock)
    window.closed_screen = watch.screen
    return watch


def start_heartbeat(window, db_path: Path) -> Heartbeat:
    """The heartbeat for the running kiosk."""
    return Heartbeat(window, db_path)


def start_watched_folder(window, db_path: Path) -> FolderWatch:
    """The watched folder for the running kiosk (it does nothing while the setting is empty)."""
    return FolderWatch(window, db_path)
