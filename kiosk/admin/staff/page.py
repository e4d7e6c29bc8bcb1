"""What every staff page shares: a title, a notice line for results and errors, and a scrolling column."""

import datetime
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from kiosk.admin.staff.operations import staff_message
from kiosk.content.schema import ContentError
from kiosk.storage.errors import KnownError
from kiosk.ui.screens.base import READING_WIDTH, enable_kinetic_scrolling
from kiosk.ui.widgets import text_label

if TYPE_CHECKING:
    from kiosk.admin.staff.area import StaffArea

T = TypeVar("T")


class StaffPage(QWidget):
    """One staff page. Subclasses fill `self.column`; the area shows them one at a time."""

    title = "Staff area"
    wants_keyboard = False
    shows_header = True

    def __init__(self, area: "StaffArea", scrolling: bool = True):
        super().__init__()
        self.setObjectName("StaffPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.area = area
        self.conn = area.conn
        self.header_actions: list[QWidget] = []  # buttons the area puts in its header, right of the title
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.notice = text_label("", "Notice")
        self.notice.setContentsMargins(32, 16, 32, 16)
        self.notice.hide()
        outer.addWidget(self.notice)
        self.scroll: QScrollArea | None = None
        if not scrolling:
            self.column = QVBoxLayout()
            self.column.setContentsMargins(0, 0, 0, 0)
            outer.addLayout(self.column, 1)
            return
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        enable_kinetic_scrolling(self.scroll)
        outer.addWidget(self.scroll, 1)
        sheet = QWidget()
        sheet.setObjectName("ScreenColumn")
        row = QHBoxLayout(sheet)
        row.setContentsMargins(32, 24, 32, 40)
        holder = QWidget()
        holder.setObjectName("ScreenColumn")
        holder.setMaximumWidth(READING_WIDTH)
        row.addWidget(holder)
        self.column = QVBoxLayout(holder)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(18)
        self.scroll.setWidget(sheet)

    def add_action_bar(self, *buttons: QWidget) -> None:
        """A row of buttons under the scrolling column that never scrolls away (like Save)."""
        bar = QWidget()
        bar.setObjectName("ActionBar")
        bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row = QHBoxLayout(bar)
        row.setContentsMargins(32, 10, 32, 10)
        row.setSpacing(20)
        row.addStretch(1)
        for button in buttons:
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            row.addWidget(button)
        self.layout().addWidget(bar)
        self.action_row = row

    def attempt(self, change: Callable[[], T]) -> T | None:
        """Run a quick change on the GUI connection; a refusal or database error becomes the page notice."""
        try:
            return change()
        except (ContentError, KnownError, sqlite3.Error) as error:
            self.show_notice(staff_message(error), "error")
            return None

    def show_notice(self, text: str, kind: str = "done") -> None:
        """A line at the top of the page: "done" (green), "error" (red) or "info"."""
        self.notice.setText(text)
        self.notice.setAccessibleName(text)
        self.notice.setProperty("kind", kind)
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        self.notice.show()

    def clear_notice(self) -> None:
        """Hide the notice line."""
        self.notice.hide()
        self.notice.setText("")
        self.notice.setAccessibleName("")

    def clear_column(self) -> None:
        """Remove every widget from the column (to build it again)."""
        while self.column.count():
            item = self.column.takeAt(0)
            if item.widget():
                item.widget().hide()
                item.widget().deleteLater()
            elif item.layout():
                _delete_layout(item.layout())

    def scroll_to(self, widget: QWidget) -> None:
        """Bring `widget` into view."""
        if self.scroll is not None:
            self.scroll.ensureWidgetVisible(widget, 40, 40)

    def refresh(self) -> None:
        """Show the latest data; called when the page comes back to the front."""

    def has_unsaved_changes(self) -> bool:
        """Whether leaving now would lose typing that was not saved."""
        return False


def _delete_layout(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget():
            item.widget().hide()
            item.widget().deleteLater()
        elif item.layout():
            _delete_layout(item.layout())
    layout.deleteLater()


def local_when(utc_text: str) -> str:
    """A stored UTC time (ISO 8601) as the kiosk's local clock shows it, like "25 Nov 2026, 11:52"."""
    try:
        moment = datetime.datetime.fromisoformat(utc_text)
    except ValueError:
        return utc_text
    return moment.astimezone().strftime("%d %b %Y, %H:%M")
