"""Starting the kiosk: arguments, the Qt application, fonts, stylesheet, and the window."""

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk.content.library import Library
from kiosk.content.recovery import DamageCheck
from kiosk.logs import enable_crash_log, setup_logging
from kiosk.resources import ui_file
from kiosk.storage.errors import KnownError

APP_NAME = "hairloss-kiosk"
ORGANIZATION = ""  # no organisation folder: ~/.local/share/hairloss-kiosk/ on Linux


def default_database_path() -> Path:
    """Where the kiosk keeps its database unless told otherwise."""
    ensure_application_names()
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / "kiosk.db"


def ensure_application_names() -> None:
    """Names Qt uses to pick the app data folder."""
    QApplication.setApplicationName(APP_NAME)
    QApplication.setOrganizationName(ORGANIZATION)


def ensure_application() -> QApplication:
    """The one QApplication, with the kiosk's typeface and stylesheet."""
    ensure_application_names()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if not app.property("kiosk_styled"):
        _load_fonts(app)
        app.setStyleSheet(ui_file("theme.qss").read_text(encoding="utf-8"))
        app.setProperty("kiosk_styled", True)
    return app


def _load_fonts(app: QApplication) -> None:
    import fontpkg_atkinson_hyperlegible

    folder = Path(fontpkg_atkinson_hyperlegible.__file__).parent / "files"
    for path in sorted(folder.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    font = QFont("Atkinson Hyperlegible")
    font.setPixelSize(24)
    app.setFont(font)


def build_window(db_path: Path | str, fullscreen: bool = False):
    """The real kiosk window on the database at `db_path`, shown and complete, without entering the event loop."""
    window = show_window(Library.open(db_path), fullscreen)
    window.finish_starting()  # no first frame to wait for: nothing is painted until the event loop runs
    return window


def show_window(library: Library, fullscreen: bool):
    """The kiosk window on an open library, shown full screen or as a normal window."""
    from kiosk.ui.window import KioskWindow

    ensure_application()
    window = KioskWindow(library)
    window.staff_requested.connect(lambda: open_staff_area(window))
    if fullscreen:
        window.lock_down()
    else:
        window.resize(1280, 800)
        window.show()
    return window


def open_staff_area(window) -> None:
    """The hidden long press: the staff area, imported only now (it is rarely used and slow to import)."""
    from kiosk.admin.staff import open_staff_area as open_area

    open_area(window)


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """The kiosk's command-line options."""
    parser = argparse.ArgumentParser(prog="kiosk", description="The hair-loss education kiosk.")
    parser.add_argument("--db", type=Path, help="the kiosk database file (default: the app data folder)")
    parser.add_argument("--windowed", action="store_true", help="run in a normal window, not full screen")
    return parser.parse_args(argv)


def has_display() -> bool:
    """Whether Qt has somewhere to draw."""
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform != "linux":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def log_folder() -> Path:
    """The kiosk's log folder in the app data folder."""
    ensure_application_names()
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)) / "logs"


def take_kiosk_lock(db_path: Path) -> QLockFile | None:
    """The one-kiosk-per-database lock, taken before anything opens the database; None if another kiosk holds it.

    A lock that cannot even be written (a folder that is missing or read-only) is not "another kiosk": the
    database check that follows names the real problem, and that database cannot be changed by anyone either.
    """
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    lock = QLockFile(f"{db_path}.lock")
    lock.setStaleLockTime(0)  # never stale by age; a lock left by a kiosk that died is taken over (by process id)
    if lock.tryLock(200) or lock.error() != QLockFile.LockError.LockFailedError:
        return lock
    return None


def main(argv: list[str] | None = None) -> int:
    """Start the kiosk; exit status 2 with a one-line message if the database cannot be used."""
    arguments = parse_arguments(argv)
    try:
        enable_crash_log(log_folder())
    except OSError as error:
        print(f"kiosk: cannot write the crash log ({error.strerror}); starting without it.", file=sys.stderr)
    db_path = arguments.db or default_database_path()
    # First of all: a second kiosk must not open, check or recover a database the first one is using.
    lock = take_kiosk_lock(db_path)
    if lock is None:
        print(f"kiosk: {db_path}: another kiosk is already running on this database.", file=sys.stderr)
        return 2
    if not has_display():
        print("kiosk: no display found (set DISPLAY, or QT_QPA_PLATFORM=offscreen).", file=sys.stderr)
        return 2
    check = DamageCheck(db_path)  # SQLite reads the file through while the application and the window load
    app = ensure_application()
    import kiosk.ui.window  # noqa: F401 - loaded beside the check; show_window uses it

    try:
        library = Library.open(db_path, check)
    except KnownError as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return 2
    window = show_window(library, fullscreen=not arguments.windowed)
    window.raise_()
    # After the first frame; until then anything logged goes to stderr (which the service's journal keeps).
    window.first_frame.shown.connect(start_logging)
    window.first_frame.shown.connect(lambda: start_unattended_services(window, db_path))
    status = app.exec()
    lock.unlock()
    return status


def start_unattended_services(window, db_path: Path) -> None:
    """One memory arena, opening hours, the heartbeat for monitoring and the watched folder, after the first
    frame."""
    from kiosk.ui.unattended import start_heartbeat, start_opening_hours, start_watched_folder, use_one_memory_arena

    use_one_memory_arena()
    window.opening_hours = start_opening_hours(window)
    window.heartbeat = start_heartbeat(window, db_path)
    window.folder_watch = start_watched_folder(window, db_path)


def start_logging() -> None:
    """The rotating log files in the app data folder."""
    setup_logging(log_folder())
