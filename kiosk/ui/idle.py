"""Idle reset: after a quiet spell, ask "Are you still there?", then clear everything for the next patient."""

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QFrame, QVBoxLayout, QWidget

from kiosk.ui.accessible import announce
from kiosk.ui.widgets import text_label, touch_button

ANNOUNCE_AT = (10, 5)  # seconds left when a screen reader says the countdown again (not every second)

KEEP_VISIT_KEYS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Select}

ACTIVITY_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
}


class StillThereOverlay(QWidget):
    """A dimmed cover over the window with a countdown and a large "I'm still here" button."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("IdleOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        layout = QVBoxLayout(self)
        panel = QFrame()
        panel.setObjectName("IdlePanel")
        panel.setMaximumWidth(900)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(48, 40, 48, 40)
        inner.setSpacing(24)
        self.title_label = title = text_label(self.tr("Are you still there?"), "IdleTitle")
        panel.setAccessibleName(title.text())  # an alert, named by its question (kiosk/ui/accessible.py)
        self.panel = panel
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner.addWidget(title)
        self.countdown_label = text_label("", "IdleCountdown")
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner.addWidget(self.countdown_label)
        self.still_here_button = touch_button(self.tr("I'm still here"), "Primary")
        inner.addWidget(self.still_here_button)
        # Centred as an item, not by the layout's own alignment: an aligned item is as tall as its text needs at the
        # width it gets, while an aligned layout is only as tall as its size hint (the countdown was cut off at 160 %).
        layout.addWidget(panel, 0, Qt.AlignmentFlag.AlignCenter)
        self._seconds = 0
        self.hide()

    def show_countdown(self, seconds: int) -> None:
        """Show how long until the kiosk starts over (and say it, now and then, to a screen reader)."""
        self._seconds = seconds
        # Worded so that one number form reads right in English, which has no translation file to give forms.
        text = self.tr(
            "To keep your visit private, this screen will go back to the start. Seconds left: %n.", "", seconds
        )
        self.countdown_label.setText(text)
        self.countdown_label.setAccessibleName(text)
        self.panel.setAccessibleDescription(text)
        if self.isVisible() and seconds in ANNOUNCE_AT:
            announce(self.panel, self.tr("Seconds left: %n.", "", seconds), urgent=True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            for widget, words in (
                (self.title_label, self.tr("Are you still there?")),
                (self.still_here_button, self.tr("I'm still here")),
            ):
                widget.setText(words)
                widget.setAccessibleName(words)
            self.panel.setAccessibleName(self.title_label.text())
            self.show_countdown(self._seconds)

    def cover(self, stylesheet: str = "") -> None:
        """Fill the parent window in the patient's look (`stylesheet`), come to the front, take focus and be
        announced as an alert."""
        if self.styleSheet() != stylesheet:
            self.setStyleSheet(stylesheet)
        self._focus_before = self.parentWidget().focusWidget()
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        # Enter or Space keeps the visit wherever focus is. A patient on keys (focus was on a control: a tap never
        # leaves one focused) lands on the button; one who touches gets the alert itself, so the button does
        # not light up in the keyboard's yellow focus ring for someone who never used keys.
        on_keys = isinstance(self._focus_before, QAbstractButton)
        (self.still_here_button if on_keys else self.panel).setFocus(Qt.FocusReason.OtherFocusReason)
        QAccessible.updateAccessibility(QAccessibleEvent(self.panel, QAccessible.Event.Alert))
        announce(self.panel, f"{self.panel.accessibleName()} {self.countdown_label.text()}", urgent=True)

    def uncover(self) -> None:
        """Hide, giving focus back to where it was."""
        had_focus = self.isAncestorOf(QApplication.focusWidget())
        self.hide()
        before = getattr(self, "_focus_before", None)
        if had_focus and before is not None and shiboken6.isValid(before) and before.isVisible():
            before.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in KEEP_VISIT_KEYS:
            self.still_here_button.click()  # the alert has focus (a touch patient, or a screen reader on it)
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 - Qt's names
        # Tab goes to "I'm still here" and stays there: nothing behind the cover can be reached.
        self.still_here_button.setFocus(Qt.FocusReason.TabFocusReason)
        return True


class IdleWatcher(QObject):
    """Watches every touch in the application; a quiet spell leads to the overlay, then to `reset`."""

    def __init__(
        self,
        window: QWidget,
        settings: Callable[[], tuple[int, int]],
        reset: Callable[[], None],
        is_fresh: Callable[[], bool],
        stylesheet: Callable[[], str] = str,
    ):
        super().__init__(window)
        self._stylesheet = stylesheet  # the patient's look, for the overlay
        self._settings = settings
        self._reset = reset
        self._is_fresh = is_fresh
        self.overlay = StillThereOverlay(window)
        self.overlay.still_here_button.clicked.connect(self.still_here)
        self._idle = QTimer(self, singleShot=True)
        self._idle.timeout.connect(self._on_idle)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._on_tick)
        self.remaining = 0
        self._paused = False
        self.restart()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if self._paused or event.type() not in ACTIVITY_EVENTS:
            return False
        if not self.overlay.isVisible():
            self._idle.start()
        elif event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            # Any touch while the countdown runs means someone is there.
            QTimer.singleShot(0, self.still_here)
        return False

    def restart(self) -> None:
        """Start the quiet spell again, with the settings in force now."""
        timeout_seconds, _ = self._settings()
        self._idle.start(timeout_seconds * 1000)

    def still_here(self) -> None:
        """The patient is back: hide the overlay and keep their place."""
        self._tick.stop()
        self.overlay.uncover()
        self.restart()

    def pause(self) -> None:
        """Stop watching (while staff work): no overlay, no reset, until resume()."""
        self.dismiss()
        self._idle.stop()
        self._paused = True

    @property
    def paused(self) -> bool:
        """Whether staff are at work (the patient session is on hold)."""
        return self._paused

    def resume(self) -> None:
        """Watch again, starting a fresh quiet spell."""
        self._paused = False
        self.restart()

    def dismiss(self) -> None:
        """Hide the overlay without a reset (used when the session is reset some other way)."""
        self._tick.stop()
        self.overlay.uncover()

    def _on_idle(self) -> None:
        if self._is_fresh():
            self._reset()
            self.restart()
            return
        _, self.remaining = self._settings()
        self.overlay.show_countdown(self.remaining)
        self.overlay.cover(self._stylesheet())
        self._tick.start()

    def _on_tick(self) -> None:
        self.remaining -= 1
        if self.remaining > 0:
            self.overlay.show_countdown(self.remaining)
            return
        self._tick.stop()
        self.overlay.hide()
        self._reset()
        self.restart()
