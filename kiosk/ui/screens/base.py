"""What every screen shares: a kinetic-scrolling column of readable width, and a way to ask to navigate."""

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QVBoxLayout,
    QWidget,
)

from kiosk.storage.rows import Content
from kiosk.ui.navigator import Route

READING_WIDTH = 1500


def enable_kinetic_scrolling(scroll: QScrollArea) -> None:
    """Drag or fling with a finger to scroll; a tap reaches a button at once."""
    QScroller.grabGesture(scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(scroll.viewport())
    properties = scroller.scrollerProperties()
    # Qt's default holds every press back 0.25 s to see if it becomes a drag: too slow for a tap.
    # A drag that starts on a button still scrolls; Qt then cancels the button's press.
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.OvershootDragResistanceFactor, 0.3)
    scroller.setScrollerProperties(properties)


def scrolling_column(top_margin: int = 28, spacing: int = 22) -> tuple[QScrollArea, QVBoxLayout]:
    """A kinetic scroll area holding a centred column no wider than a comfortable reading width."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    enable_kinetic_scrolling(scroll)
    page = QWidget()
    page.setObjectName("ScreenColumn")
    row = QHBoxLayout(page)
    row.setContentsMargins(32, top_margin, 32, 40)
    holder = QWidget()
    holder.setObjectName("ScreenColumn")
    holder.setMaximumWidth(READING_WIDTH)
    row.addWidget(holder)
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(spacing)
    scroll.setWidget(page)
    return scroll, column


def clear_layout(layout, at_once: bool = False) -> None:
    """Remove and delete everything in `layout`, nested layouts included (to build it again).

    `at_once` deletes now instead of at the next turn of the event loop (only for widgets that no event is
    being delivered to), so that a restyle that follows does not polish them first."""
    while layout.count():
        item = layout.takeAt(0)
        if item.widget():
            item.widget().hide()  # deleteLater waits for the event loop; a hidden widget is gone at once
            if at_once:
                shiboken6.delete(item.widget())
            else:
                item.widget().deleteLater()
        elif item.layout():
            clear_layout(item.layout(), at_once)
            item.layout().deleteLater()


class Screen(QWidget):
    """A screen inside the shared frame. Subclasses fill `self.column` in `show_route`."""

    navigate = Signal(object)  # a Route
    title = ""

    def __init__(self, content: Content | None):
        super().__init__()
        self.content = content
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll, self.column = scrolling_column()
        outer.addWidget(self.scroll)
        self._built_for: tuple[str | None] | None = None

    def show_route(self, argument: str | None) -> None:
        """Fill the screen for this route argument (a card id, a cause id, or None); built once per argument."""
        if self._built_for == (argument,):
            return
        self.clear()
        self.build(argument)
        self.column.addStretch(1)
        self._built_for = (argument,)

    def build(self, argument: str | None) -> None:
        """Add this screen's widgets to `self.column`."""
        raise NotImplementedError

    def clear(self) -> None:
        """Remove everything from the column."""
        clear_layout(self.column)

    def empty(self) -> None:
        """Remove the contents at once (never the screen on show); the next show_route builds them again."""
        clear_layout(self.column, at_once=True)
        self._built_for = None

    def is_empty(self) -> bool:
        """Whether the screen has to be built before it can be shown."""
        return self._built_for is None

    def reset_scroll(self) -> None:
        """Back to the top, with any fling stopped."""
        self.set_scroll_position(0)

    def scroll_position(self) -> int:
        """How far down the screen is scrolled."""
        return self.scroll.verticalScrollBar().value()

    def set_scroll_position(self, value: int) -> None:
        """Scroll to `value`, with any fling stopped."""
        QScroller.scroller(self.scroll.viewport()).stop()
        self.scroll.verticalScrollBar().setValue(value)

    def go(self, screen: str, argument: str | None = None) -> None:
        """Ask the navigator to show another screen."""
        self.navigate.emit(Route(screen, argument))
