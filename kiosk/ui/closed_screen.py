"""Outside opening hours: a dark, still screen over the kiosk that wakes on a touch.

Nothing moves on it (no timer repaints it), so the screen rests. A touch uncovers the start screen for a
patient, and through it the hidden staff corner: staff can always get in.
"""

import datetime
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from kiosk.content.opening_hours import OpeningHoursError, parse_opening_hours

CHECK_EVERY_MS = 30_000
RESTING_TEXT_COLOR = QColor(110, 110, 110)  # just enough to show the kiosk is on, not enough to light the room


class ClosedScreen(QWidget):
    """A black cover over the whole window with one dim line; any touch wakes the kiosk."""

    woken = Signal()

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAccessibleName(self.tr("The kiosk is resting. Touch the screen to start."))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        window.installEventFilter(self)
        self.hide()

    def cover(self) -> None:
        """Cover the whole window."""
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())
        return False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.tr("The kiosk is resting. Touch the screen to start."))

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.black)
        painter.setPen(RESTING_TEXT_COLOR)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Touch the screen to start"))

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress):
            self.hide()
            self.woken.emit()
            event.accept()
            return True
        return super().event(event)


class OpeningHoursWatch(QObject):
    """Covers the kiosk with the closed screen outside opening hours, once no patient is using it."""

    def __init__(
        self, window, is_quiet: Callable[[object], bool], clock: Callable[[], datetime.datetime] | None = None
    ):
        super().__init__(window)
        self.window = window
        self.is_quiet = is_quiet
        self.clock = clock or datetime.datetime.now  # local time: opening hours are the clinic's own
        self.screen = ClosedScreen(window)
        self.screen.woken.connect(self._woken)
        self.awake_until: datetime.datetime | None = None
        self.timer = QTimer(self, interval=CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self.check()

    def check(self) -> None:
        """Cover or uncover the kiosk for the time now."""
        now = self.clock()
        awake = self.awake_until is not None and now < self.awake_until
        if self._open_at(now) or awake or self.window.idle.paused:
            self.screen.hide()
            return
        if not self.screen.isVisible() and self.is_quiet(self.window):
            self.window.reset_session()
            self.screen.cover()

    def _open_at(self, now: datetime.datetime) -> bool:
        try:
            return parse_opening_hours(self.window.settings.opening_hours).is_open(now)
        except OpeningHoursError:
            return True  # hours that cannot be read never leave the kiosk dark

    def _woken(self) -> None:
        """Someone touched the dark screen: stay awake for one idle spell, then rest again once quiet."""
        timeout, warning = self.window.settings.idle_timeout_seconds, self.window.settings.idle_warning_seconds
        self.awake_until = self.clock() + datetime.timedelta(seconds=timeout + warning)
        self.window.idle.restart()
