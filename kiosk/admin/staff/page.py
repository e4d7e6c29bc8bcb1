"""What every staff page shares: a title, a notice line for results and errors, and a scrolling column."""

import datetime
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from kiosk.admin.staff.operations import staff_message
from kiosk.content.schema import ContentError
from kiosk.storage.errors import KnownError
from kiosk.ui.screens.base import clear_layout, scrolling_column
from kiosk.ui.widgets import styled_bar, text_label, touch_button

if TYPE_CHECKING:
    from kiosk.admin.staff.area import StaffArea

T = TypeVar("T")
SCROLL_MARGIN = 24  # pixels kept clear above and below a widget scrolled into view


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
        self.scroll, self.column = scrolling_column(top_margin=24, spacing=18)
        outer.addWidget(self.scroll, 1)

    def add_action_bar(self, *buttons: QWidget) -> None:
        """A row of buttons under the scrolling column that never scrolls away (like Save)."""
        bar, row = styled_bar("ActionBar", (32, 10, 32, 10), 20)
        row.addStretch(1)
        for button in buttons:
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            row.addWidget(button)
        self.layout().addWidget(bar)
        self.action_row = row

    def add_place_chooser_top(self, lead: str, dialog_label: str, choose_with_dialog: Callable[[], None]) -> None:
        """The top of a page that picks a place (a USB stick, a file): what to do, "Look again", and outside
        kiosk mode the system's own file dialog."""
        self.column.addWidget(text_label(lead, "Lead"))
        again = touch_button("Look again", "Secondary")
        again.clicked.connect(self.refresh)
        self.column.addWidget(again)
        if not self.area.kiosk.locked:
            other = touch_button(dialog_label, "Secondary")
            other.clicked.connect(choose_with_dialog)
            self.column.addWidget(other)

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
        clear_layout(self.column)

    def scroll_to(self, widget: QWidget) -> None:
        """Bring all of `widget` into view (as much as fits, from its top). Qt's ensureWidgetVisible would only
        bring a text box's cursor line into view, leaving the rest of the box under the keyboard."""
        if self.scroll is None or self.scroll.widget() is None:
            return
        bar = self.scroll.verticalScrollBar()
        top = widget.mapTo(self.scroll.widget(), QPoint(0, 0)).y() - SCROLL_MARGIN
        bottom = top + widget.height() + 2 * SCROLL_MARGIN
        view = self.scroll.viewport().height()
        if top < bar.value() or bottom - top > view:
            bar.setValue(top)
        elif bottom > bar.value() + view:
            bar.setValue(bottom - view)

    def refresh(self) -> None:
        """Show the latest data; called when the page comes back to the front."""

    def has_unsaved_changes(self) -> bool:
        """Whether leaving now would lose typing that was not saved."""
        return False


def local_when(utc_text: str) -> str:
    """A stored UTC time (ISO 8601) as the kiosk's local clock shows it, like "25 Nov 2026, 11:52"."""
    try:
        moment = datetime.datetime.fromisoformat(utc_text)
    except ValueError:
        return utc_text
    return moment.astimezone().strftime("%d %b %Y, %H:%M")
