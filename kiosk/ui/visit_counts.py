"""Anonymous daily counts, when staff turn them on: counted in memory on a tap, written at the idle reset.

A tap only adds one to a number in memory. The numbers are written between patients (at the idle reset,
when nobody is touching the screen) and when the kiosk closes; a write that fails (a full disk) is logged and
tried again next time, and the patient never notices.
"""

import datetime
import logging
import sqlite3

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.storage.counts import CountBatch, add_counts
from kiosk.ui.questions import service_for
from kiosk.ui.translation import translate
from kiosk.ui.widgets import text_label

log = logging.getLogger("kiosk.counts")

PRIVACY_OFF = QT_TRANSLATE_NOOP("VisitCounts", "Nothing you tap here is saved or shared.")
PRIVACY_ON = QT_TRANSLATE_NOOP(
    "VisitCounts",
    "Nothing you tap here is saved or shared. The kiosk only keeps daily totals for everyone together: "
    "how often each screen and each card was opened, and how often a list of questions was shown or printed. "
    "It never keeps who you are, the time of day, or the order of your taps.",
)
NOT_COUNTED = {"start"}  # shown at every idle reset, patient or not: its count would mean nothing


def privacy_line(counting: bool) -> str:
    """What the start screen says about what the kiosk keeps."""
    return translate("VisitCounts", PRIVACY_ON if counting else PRIVACY_OFF)


class VisitCounter(QObject):
    """Counts screens and cards opened and summaries taken, per day, only while counting is on."""

    counting_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.counting = False
        self.batch = CountBatch()
        self._pruned_on: datetime.date | None = None

    def set_counting(self, counting: bool) -> None:
        """Turn counting on or off (off also forgets what was not written yet)."""
        if counting == self.counting:
            return
        self.counting = counting
        if not counting:
            self.batch.take()
        self.counting_changed.emit(counting)

    def count_screen(self, screen: str, argument: str | None, questions_chosen: int) -> None:
        """A screen was opened: the screen's name, and for a card which card (never who, when or after what)."""
        if not self.counting or screen in NOT_COUNTED:
            return
        self.batch.add("screen", screen)
        if screen == "treatment" and argument:
            self.batch.add("card", argument)
        if screen == "my_questions" and questions_chosen:
            self.batch.add("summary", "shown")

    def count_printed(self) -> None:
        """A list of questions was printed."""
        if self.counting:
            self.batch.add("summary", "printed")

    def write(self, conn: sqlite3.Connection, keep_days: int) -> bool:
        """Write the counts in memory, and delete those older than `keep_days` (at least once a day, counting
        or not); False (logged) if it failed."""
        counts = self.batch.take()
        today = datetime.date.today()
        if not counts and self._pruned_on == today:
            return True
        try:
            add_counts(conn, counts, keep_days, today)
        except (sqlite3.Error, OSError) as error:
            self.batch.put_back(counts)
            log.warning("Could not save the visit counts (kept in memory for the next try): %s", error)
            return False
        self._pruned_on = today
        return True


def counter_for(widget: QWidget) -> VisitCounter:
    """The window's visit counter (a screen in a staff preview gets one of its own, which counts nothing)."""
    return service_for(widget, "visit_counter", VisitCounter)


def privacy_note(screen: QWidget) -> QLabel:
    """The start screen's line on what the kiosk keeps, changing when staff turn counting on or off."""
    counter = counter_for(screen)
    note = text_label(privacy_line(counter.counting), "Small")
    note.setAlignment(Qt.AlignmentFlag.AlignCenter)

    counter.counting_changed.connect(_PrivacyFollower(note).show)
    return note


class _PrivacyFollower(QObject):
    """Keeps a privacy line in step with the setting; a child of the label, so it goes (and disconnects) with it."""

    def __init__(self, label: QLabel):
        super().__init__(label)
        self._label = label

    def show(self, counting: bool) -> None:
        """Say what is kept now."""
        self._label.setText(privacy_line(counting))
        self._label.setAccessibleName(privacy_line(counting))
