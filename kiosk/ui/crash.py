"""One place that catches unhandled exceptions in the GUI: log them, send the patient back to the start."""

import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QTimer

log = logging.getLogger("kiosk.crash")


class CrashHandler:
    """Replaces sys.excepthook while installed; the kiosk keeps running after an error in a slot."""

    def __init__(self, recover: Callable[[], None]):
        self._recover = recover
        self._previous = sys.excepthook
        self.count = 0

    def install(self) -> "CrashHandler":
        """Start catching."""
        sys.excepthook = self.handle
        return self

    def uninstall(self) -> None:
        """Stop catching."""
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous

    def handle(self, kind, error, trace) -> None:
        """Log the traceback and recover on the next turn of the event loop."""
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, error, trace)
            return
        self.count += 1
        log.error("Unhandled error; returning to the start screen", exc_info=(kind, error, trace))
        QTimer.singleShot(0, self._safe_recover)

    def _safe_recover(self) -> None:
        try:
            self._recover()
        except Exception:  # noqa: BLE001 - recovering must never raise into Qt
            log.exception("Recovery after an error failed too")
