"""The patient screens in a frame of their own, showing any content: for the staff preview and for snapshots.

Unlike the kiosk window there is no session around it (no idle reset, no staff entry): it only shows content,
with Back, Home, "Words explained" and the access bar working as patients know them.
"""

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QScrollArea, QWidget

from kiosk.storage.rows import Content
from kiosk.ui.frame import Frame
from kiosk.ui.navigator import START, Navigator, Route
from kiosk.ui.screens.registry import screen_factories

DIRECT = Qt.FindChildOption.FindDirectChildrenOnly


class PatientView:
    """A frame and its own navigator over `content`, with the clinic name and doctor guidance given."""

    def __init__(self, content: Content, clinic_name: str, doctor_guidance: str, larger_text: bool = False):
        self.frame = Frame()
        self.frame.set_title(clinic_name)
        self.frame.set_guidance(doctor_guidance)
        shown: Callable[[], Content] = lambda: content  # noqa: E731 - the factories ask for content lazily
        self.navigator = Navigator(self.frame.stack, screen_factories(shown), self.frame.looks)
        self.navigator.changed.connect(self._on_route_changed)
        self.frame.back_requested.connect(self.navigator.back)
        self.frame.home_requested.connect(self.navigator.home)
        self.frame.glossary_requested.connect(lambda: self.navigator.go(Route("glossary")))
        self.frame.access_bar.set_read_aloud_available(False)  # staff check the words; the kiosk reads them aloud
        self.navigator.home()
        if larger_text:
            self.use_larger_text(True)

    def use_larger_text(self, large: bool) -> None:
        """Larger or normal text, in the frame and on the screens (the screen on show is built again)."""
        looks = self.frame.looks
        looks.choose(looks.current().with_larger_text(large))

    def current_screen(self) -> QWidget:
        """The patient screen on show."""
        return self.frame.stack.currentWidget()

    def hidden_height(self) -> int:
        """How many pixels of the screen on show are out of its scrolling view."""
        scroll = self.current_screen().findChild(QScrollArea)
        return scroll.verticalScrollBar().maximum() if scroll is not None else 0

    def spare_height(self) -> int:
        """How many blank pixels are below the last thing on the screen on show (its layout asks for more room
        than wrapped text finally takes)."""
        scroll = self.current_screen().findChild(QScrollArea)
        column = scroll.widget() if scroll is not None else None
        if column is None:
            return 0
        inner, margins = column, 0
        while True:  # down through wrappers that hold just one column, to the widgets stacked in it
            if column.layout() is not None:
                margins += column.layout().contentsMargins().bottom()
            shown = [child for child in column.findChildren(QWidget, options=DIRECT) if child.isVisible()]
            if len(shown) != 1:
                break
            column = shown[0]
        bottom = max((child.mapTo(inner, QPoint(0, child.height())).y() for child in shown), default=0) + margins
        return max(0, scroll.viewport().height() - bottom)

    def _on_route_changed(self, route: Route) -> None:
        self.frame.set_navigation_visible(route.screen != START)
        self.frame.words_button.setVisible(route.screen != "glossary")
