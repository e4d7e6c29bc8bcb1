"""The draft exactly as patients would see it: the real patient screens, built from the draft content."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from kiosk.admin.patient_view import PatientView
from kiosk.admin.staff.page import StaffPage
from kiosk.content.document import Document
from kiosk.content.editing import get_draft
from kiosk.ui.widgets import text_label, touch_button

BANNER = "PREVIEW – patients cannot see this yet"


class PreviewPage(StaffPage):
    """A banner, a Close button, and a working copy of the patient screens to tap through: the draft, or any
    version (read-only)."""

    title = "Preview of the draft"
    shows_header = False  # the banner's Close is the way out; one Back (the patients') is enough

    def __init__(self, area, document: Document | None = None, banner_text: str = BANNER, title: str = ""):
        super().__init__(area, scrolling=False)
        if title:
            self.title = title
        banner = QWidget()
        banner.setObjectName("PreviewBanner")
        banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row = QHBoxLayout(banner)
        row.setContentsMargins(28, 10, 20, 10)
        label = text_label(banner_text, "PreviewBannerText")
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        close = touch_button("Close preview", "NavButton")
        close.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        close.clicked.connect(area.close_page)
        row.addWidget(label, 1)
        row.addWidget(close)
        self.column.addWidget(banner)
        shown = document or get_draft(self.conn)
        self.view = PatientView(shown.content, shown.clinic_name or "", shown.doctor_guidance)
        self.frame, self.navigator = self.view.frame, self.view.navigator
        self.navigator.setParent(self)
        self.column.addWidget(self.frame, 1)

    def current_screen(self) -> QWidget:
        """The patient screen on show in the preview."""
        return self.frame.stack.currentWidget()
