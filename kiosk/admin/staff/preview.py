"""The draft exactly as patients would see it: the real patient screens, built from the draft content."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from kiosk.admin.staff.page import StaffPage
from kiosk.content.editing import get_draft
from kiosk.ui.frame import Frame
from kiosk.ui.navigator import START, Navigator, Route
from kiosk.ui.screens.registry import screen_factories
from kiosk.ui.widgets import text_label, touch_button

BANNER = "PREVIEW – patients cannot see this yet"


class PreviewPage(StaffPage):
    """A banner, a Close button, and a working copy of the patient screens to tap through."""

    title = "Preview of the draft"
    shows_header = False  # the banner's Close is the way out; one Back (the patients') is enough

    def __init__(self, area):
        super().__init__(area, scrolling=False)
        banner = QWidget()
        banner.setObjectName("PreviewBanner")
        banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row = QHBoxLayout(banner)
        row.setContentsMargins(28, 10, 20, 10)
        label = text_label(BANNER, "PreviewBannerText")
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        close = touch_button("Close preview", "NavButton")
        close.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        close.clicked.connect(area.close_page)
        row.addWidget(label, 1)
        row.addWidget(close)
        self.column.addWidget(banner)
        draft = get_draft(self.conn)
        self.frame = Frame()
        self.frame.set_title(draft.clinic_name)
        self.frame.set_guidance(draft.doctor_guidance)
        self.navigator = Navigator(self.frame.stack, screen_factories(lambda: draft.content), self.frame.looks)
        self.navigator.setParent(self)
        self.navigator.changed.connect(self._on_route_changed)
        self.frame.back_requested.connect(self.navigator.back)
        self.frame.home_requested.connect(self.navigator.home)
        self.frame.glossary_requested.connect(lambda: self.navigator.go(Route("glossary")))
        self.column.addWidget(self.frame, 1)
        self.navigator.home()

    def current_screen(self) -> QWidget:
        """The patient screen on show in the preview."""
        return self.frame.stack.currentWidget()

    def _on_route_changed(self, route: Route) -> None:
        self.frame.set_navigation_visible(route.screen != START)
        self.frame.words_button.setVisible(route.screen != "glossary")
