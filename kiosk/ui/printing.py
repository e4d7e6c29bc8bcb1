"""Taking the summary away, off the GUI thread: QR code pictures, finding a printer, and printing on it.

The kiosk never waits on a printer: finding one and printing both run in a worker thread, and whatever
goes wrong (no printer, offline, out of paper) comes back as one plain sentence for the patient. What the
codes and the page look like is in kiosk.ui.printout, imported only when one is first made.
"""

import json
import logging
import subprocess
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMarginsF, QObject, QTimer, Signal

from kiosk.content.helper_process import ask_helper
from kiosk.content.summary import Summary
from kiosk.ui.background import Background

log = logging.getLogger("kiosk.printing")
QR_SCREEN_PIXELS = 480  # about 12 cm on a 24-inch kiosk screen: a phone reads it from 30 to 60 cm away
PRINTER_PROBLEM = QT_TRANSLATE_NOOP(
    "Printing", "The printer is not working right now. Take a photo of the code with your phone instead."
)
PRINTED = QT_TRANSLATE_NOOP("Printing", "Printed. Take your page from the printer.")
PRINTER_CHECK_TIMEOUT_S = 20  # a printer system that does not answer in this time counts as no printer
PRINTER_RECHECK_S = 60  # a printer plugged in shows its Print button within this time


class PrinterProblem(Exception):
    """The printer is missing, offline, out of paper, or failed."""


def system_printer():
    """The system's default printer, ready to print on; PrinterProblem if there is none or it is not working."""
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        raise PrinterProblem("no default printer is set up")
    if info.state() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise PrinterProblem(f"printer {info.printerName()} is in state {info.state().name}")
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    return printer


def printer_is_set_up() -> bool:
    """Whether the system has a default printer (it may still be offline when the time comes), asked in a helper
    process: the printer system's client libraries stay in memory once loaded (about 4 MB), and most visits to
    My questions print nothing. Asked here if the helper cannot run. Blocks: call it from a worker thread."""
    try:
        return bool(ask_helper("kiosk.ui.printing", None, PRINTER_CHECK_TIMEOUT_S))
    except (OSError, ValueError, subprocess.SubprocessError) as error:
        log.warning("The printer helper did not run (%s); looking for a printer in the kiosk itself", error)
        return default_printer_here()


def default_printer_here() -> bool:
    """Whether Qt, in this process, sees a default printer."""
    from PySide6.QtPrintSupport import QPrinterInfo

    return not QPrinterInfo.defaultPrinter().isNull()


def _qr_images(parts: list[str]) -> list:
    from kiosk.ui.printout import qr_images  # in the worker thread: Qt's text and printing classes load there

    return qr_images(parts)


class Printing(QObject):
    """Making QR codes, finding out whether a printer is set up, and printing on it, each in a worker thread."""

    availability_changed = Signal(bool)
    finished = Signal(str)  # the sentence for the patient
    codes_ready = Signal(int, object)  # the number make_codes gave, the QR code pictures

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.make_printer: Callable[[], object] = system_printer
        self.is_set_up: Callable[[], bool] = printer_is_set_up
        self.available = False
        self._checked_at: float | None = None  # when a printer was last looked for
        self.busy = False
        self._background = Background(self)
        self._tickets = iter(range(1, 1 << 62))
        self._making_codes = False
        self._codes_wanted: tuple[int, list[str]] | None = None  # the latest list asked for while codes were made

    def make_codes(self, parts: list[str]) -> int:
        """Start making a QR code picture of each part; codes_ready brings them, with the number returned here.

        One set is made at a time, and of those asked for meanwhile only the latest: a list that has changed
        since is never shown, and quick taps on My questions would otherwise queue work without end."""
        ticket = next(self._tickets)
        self._codes_wanted = (ticket, parts)
        if not self._making_codes:
            self._make_wanted_codes()
        return ticket

    def _make_wanted_codes(self) -> None:
        wanted, self._codes_wanted = self._codes_wanted, None
        self._making_codes = wanted is not None
        if wanted is not None:
            ticket, parts = wanted
            self._background.run(lambda: _qr_images(parts), lambda images: self._codes_made(ticket, images))

    def _codes_made(self, ticket: int, images: list) -> None:
        self.codes_ready.emit(ticket, images)
        self._make_wanted_codes()

    def look_for_printer(self) -> None:
        """Find out (in a worker thread) whether a printer is set up; availability_changed tells. An answer less
        than PRINTER_RECHECK_S old is told again without asking."""
        if self._checked_at is not None and time.monotonic() - self._checked_at < PRINTER_RECHECK_S:
            QTimer.singleShot(0, self, lambda: self.availability_changed.emit(self.available))
            return
        self._checked_at = time.monotonic()
        self._background.run(self._safely(self.is_set_up, False), self._found)

    def print_summary(self, summary: Summary) -> None:
        """Print one page (in a worker thread); `finished` says how it went. A second tap meanwhile is ignored."""
        if self.busy:
            return
        self.busy = True
        self._background.run(lambda: self._print(summary), self._printed)

    def _print(self, summary: Summary) -> str:
        try:
            from kiosk.ui.printout import paint_summary

            printer = self.make_printer()
            paint_summary(printer, summary)
            if printer.printerState().name in ("Error", "Aborted"):
                raise PrinterProblem(f"the printer reported {printer.printerState().name}")
        except Exception as error:  # noqa: BLE001 - whatever the printer does, the patient gets one sentence
            log.warning("Printing the summary failed: %s", error)
            return PRINTER_PROBLEM
        return PRINTED

    def _safely(self, check: Callable[[], bool], fallback: bool) -> Callable[[], bool]:
        def run() -> bool:
            try:
                return bool(check())
            except Exception as error:  # noqa: BLE001
                log.warning("Looking for a printer failed: %s", error)
                return fallback

        return run

    def _found(self, available: bool) -> None:
        self.available = available
        self.availability_changed.emit(available)

    def _printed(self, message: str) -> None:
        self.busy = False
        self.finished.emit(message)


def main() -> None:
    """The printer helper: whether a default printer is set up, as JSON on stdout."""
    from kiosk.content.glyphs import command_line_application

    command_line_application()
    sys.stdout.write(json.dumps(default_printer_here()))


if __name__ == "__main__":
    main()
