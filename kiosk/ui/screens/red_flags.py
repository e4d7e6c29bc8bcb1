"""'See a doctor soon if…': the warning signs that should not wait."""

from collections.abc import Iterator

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.sign_off import checked_by_label, next_steps_section
from kiosk.ui.translation import translate
from kiosk.ui.widgets import list_section, text_label

LEAD = QT_TRANSLATE_NOOP("RedFlagsScreen", "Some hair loss needs a doctor's help quickly. Book a visit if:")


class RedFlagsScreen(Screen):
    """The red flags."""

    title = "See a doctor soon if…"

    def build(self, argument: str | None) -> Iterator[None]:
        self.column.addWidget(text_label(translate("RedFlagsScreen", "See a doctor soon if…"), "Heading"))
        self.column.addWidget(text_label(translate("RedFlagsScreen", LEAD), "Lead"))
        yield
        self.column.addWidget(
            list_section(translate("RedFlagsScreen", "Warning signs"), self.content.red_flags, role="Warning")
        )
        page = self.content.red_flags_page
        if page.next_steps:
            self.column.addWidget(next_steps_section(page.next_steps))
        self.column.addWidget(checked_by_label(page.checked_by))
