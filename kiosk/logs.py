"""Rotating log files in the app data folder: what went wrong, for clinic IT. Never patient data."""

import logging
from pathlib import Path

LOG_NAME = "kiosk.log"


def setup_logging(folder: Path) -> Path:
    """Send the kiosk's log to `folder`/kiosk.log, kept to five files of 1 MB; returns the log path."""
    from logging.handlers import RotatingFileHandler  # 15 ms to import (sockets, pickle): not before the first frame

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    root = logging.getLogger("kiosk")
    if not any(isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path for h in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=4, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


CRASH_LOG_NAME = "crash.log"
_crash_file = None  # kept open for the life of the process: faulthandler writes to it from a signal handler


def enable_crash_log(folder: Path) -> Path:
    """Log native crashes (segfaults, aborts in Qt or SQLite) with every thread's stack to `folder`/crash.log.

    On Linux, `kill -USR1 <pid>` also writes the stacks of a kiosk that seems stuck, without stopping it.
    """
    import faulthandler
    import signal

    global _crash_file
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / CRASH_LOG_NAME
    if _crash_file is None or _crash_file.closed or Path(_crash_file.name) != path:
        _crash_file = path.open("a", encoding="utf-8")
    faulthandler.enable(_crash_file, all_threads=True)
    if hasattr(signal, "SIGUSR1"):
        faulthandler.register(signal.SIGUSR1, _crash_file, all_threads=True)
    return path
