"""The staff area: a full-window layer over the patient screens, reached by the hidden long press.

It opens on the PIN pad. While it is open the patients' idle reset is paused (it would clear staff typing
and jump to the start screen mid-edit); instead the staff area has its own, longer timeout: after
STAFF_IDLE_MINUTES without a touch it closes itself (saved draft edits stay; unsaved typing is lost) and the
kiosk returns to the patient start screen, so an unattended staff area never stays open.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.admin.staff.dialogs import ConfirmPanel, ProgressPanel
from kiosk.admin.staff.keyboard import OnScreenKeyboard
from kiosk.admin.staff.operations import StaffOperations, Work
from kiosk.admin.staff.page import StaffPage
from kiosk.admin.staff.places import Places
from kiosk.ui.idle import ACTIVITY_EVENTS
from kiosk.ui.widgets import styled_bar, text_label, touch_button

STAFF_IDLE_MINUTES = 10


class StaffArea(QWidget):
    """Covers the kiosk window: a header with Back, one staff page at a time, the keyboard, and panels."""

    closed = Signal()

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("StaffArea")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.kiosk = window
        self.conn = window.library.conn
        self.places = Places()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_header())
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.keyboard = OnScreenKeyboard()
        self.keyboard.hide()
        self.keyboard.hidden_by_staff.connect(lambda: self.keyboard_button.show())
        layout.addWidget(self.keyboard)
        self.confirm_panel = ConfirmPanel(self)
        self.progress = ProgressPanel(self)
        self.operations = StaffOperations(window.library.path, self.progress, self)
        self._pages: list[StaffPage] = []
        self.physical_keyboard = False  # set by the first key typed on a real keyboard
        self.touched_box = False
        self.staff_timeout = QTimer(self, singleShot=True, interval=STAFF_IDLE_MINUTES * 60_000)
        self.staff_timeout.timeout.connect(self.leave)
        window.installEventFilter(self)
        self._pause_patient_idle()
        QApplication.instance().installEventFilter(self)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)
        self.staff_timeout.start()
        self.setGeometry(window.rect())

    def _build_header(self) -> QWidget:
        header, row = styled_bar("Header", (20, 12, 20, 12), 16)
        self.header = header
        self.back_button = touch_button("Back", "NavButton", icon="back")
        self.back_button.clicked.connect(self.back)
        self.title_label = text_label("Staff area", "HeaderTitle")
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._actions = QHBoxLayout()
        self._actions.setSpacing(16)
        self.keyboard_button = touch_button("Show keyboard", "NavButton")
        self.keyboard_button.clicked.connect(self.show_keyboard)
        for button in (self.back_button, self.keyboard_button):
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        row.addWidget(self.back_button)
        row.addWidget(self.title_label, 1)
        row.addLayout(self._actions)
        row.addWidget(self.keyboard_button)
        return header

    # Pages

    @property
    def page(self) -> StaffPage | None:
        """The page on show."""
        return self._pages[-1] if self._pages else None

    def open(self, page: StaffPage) -> None:
        """Show `page` on top; Back returns to the one before."""
        self._pages.append(page)
        self.stack.addWidget(page)
        self._show_current()

    def start_at(self, page: StaffPage) -> None:
        """Forget every page and show `page` as the first one (no Back)."""
        while self._pages:
            self._drop(self._pages.pop())
        self.open(page)

    def back(self) -> None:
        """Leave the current page (asking first if there is unsaved typing)."""
        page = self.page
        if page is None or len(self._pages) < 2:
            return
        if page.has_unsaved_changes():
            self.confirm(
                "Leave without saving?",
                "What you typed on this page has not been saved and will be lost.",
                "Leave without saving",
                self.close_page,
                no_text="Stay here",
            )
            return
        self.close_page()

    def close_page(self) -> None:
        """Leave the current page without asking."""
        if len(self._pages) < 2:
            return
        self._drop(self._pages.pop())
        self._show_current()
        self.page.refresh()

    def back_to_home(self, notice: str = "", kind: str = "done") -> None:
        """Close every page above the staff home, then show `notice` there."""
        while len(self._pages) > 1:
            self._drop(self._pages.pop())
        self._show_current()
        self.page.refresh()
        if notice:
            self.page.show_notice(notice, kind)

    def _drop(self, page: StaffPage) -> None:
        for action in page.header_actions:
            action.deleteLater()
        self.stack.removeWidget(page)
        page.hide()
        page.deleteLater()

    def _show_current(self) -> None:
        page = self.page
        self.stack.setCurrentWidget(page)
        self.title_label.setText(page.title)
        self.title_label.setAccessibleName(page.title)
        self.back_button.setVisible(len(self._pages) > 1)
        self.header.setVisible(page.shows_header)
        while self._actions.count():
            action = self._actions.itemAt(0).widget()
            self._actions.removeWidget(action)  # and its layout item with it (a taken item would be ours to delete)
            action.hide()
        for action in page.header_actions:
            action.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            self._actions.addWidget(action)
            action.show()
        # The keyboard waits until a box is touched; "Show keyboard" brings it without one.
        self.keyboard.hide()
        self.keyboard_button.setVisible(page.wants_keyboard and not self.physical_keyboard)
        self.keyboard.detach()

    def show_keyboard(self) -> None:
        """Show the on-screen keyboard (under the page, which shrinks: it never covers the box typed in)."""
        self.keyboard.show()
        self.keyboard_button.hide()
        box = self.keyboard.target
        if box is not None and self.page is not None:
            # Once the page has its new, shorter height, bring the box being typed in into view.
            QTimer.singleShot(0, self, lambda: self.page is not None and self.page.scroll_to(box))

    # Panels and operations

    def confirm(self, question: str, detail: str, yes_text: str, on_yes: Callable[[], None], no_text="Cancel"):
        """Ask before doing something that cannot be taken back."""
        self.confirm_panel.ask(question, detail, yes_text, on_yes, no_text)

    def run(self, label: str, work: Work, on_done: Callable[[Any], None]) -> bool:
        """Run `work(conn)` off the GUI thread with the progress panel; errors go to the page's notice."""
        page = self.page
        page.clear_notice()
        return self.operations.run(label, work, on_done, lambda message: page.show_notice(message, "error"))

    def content_changed(self) -> None:
        """Published content changed (publish, import, restore): patients see it from now on."""
        self.kiosk.reload_content()

    # Opening and closing

    def leave(self) -> None:
        """Close the staff area and return to the patient start screen."""
        if self.operations.busy:
            self.staff_timeout.start()  # never walk away from a running import or restore
            return
        self.operations.wait()
        app = QApplication.instance()
        app.removeEventFilter(self)
        self.kiosk.removeEventFilter(self)
        app.focusChanged.disconnect(self._on_focus_changed)
        self.staff_timeout.stop()
        self.hide()
        self.setParent(None)
        self.deleteLater()
        self._resume_patient_idle()
        self.kiosk.reset_session()
        self.closed.emit()

    def _pause_patient_idle(self) -> None:
        self.kiosk.idle.pause()

    def _resume_patient_idle(self) -> None:
        self.kiosk.idle.resume()

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QLineEdit | QPlainTextEdit) and self.isAncestorOf(new):
            self.keyboard.attach(new)
            if self.page is not None:
                self.page.scroll_to(new)
            if self.touched_box and not self.physical_keyboard:
                self.show_keyboard()
        self.touched_box = False

    def _note_input(self, watched: QObject, event: QEvent) -> None:
        """A key typed on a real keyboard puts the on-screen one away for good; a tap on a box may bring it."""
        kind = event.type()
        if kind == QEvent.Type.KeyPress and event.spontaneous() and not self.physical_keyboard:
            self.physical_keyboard = True
            self.keyboard.hide()
            self.keyboard_button.hide()
        elif kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin) and event.spontaneous():
            self.touched_box = isinstance(watched, QLineEdit | QPlainTextEdit) or isinstance(
                watched.parent() if isinstance(watched, QWidget) else None, QLineEdit | QPlainTextEdit
            )
            box = watched if isinstance(watched, QLineEdit | QPlainTextEdit) else watched.parent()
            if self.touched_box and box is self.keyboard.target and not self.physical_keyboard:
                self.show_keyboard()  # a tap on the box already being typed in (after Hide)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.kiosk and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.kiosk.rect())
            for panel in (self.confirm_panel, self.progress):
                if panel.isVisible():
                    panel.cover()
        elif event.type() in ACTIVITY_EVENTS:
            self.staff_timeout.start()
            if self.isVisible():
                self._note_input(watched, event)
        return False
