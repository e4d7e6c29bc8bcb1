"""The welcome screen: calm, inviting, one big thing to tap."""

from collections.abc import Iterator

from PySide6.QtCore import Qt

from kiosk.ui.screens.base import Screen
from kiosk.ui.translation import translate
from kiosk.ui.visit_counts import privacy_note
from kiosk.ui.widgets import text_label, touch_button


class StartScreen(Screen):
    """ "Worried about hair loss? Tap to start"."""

    title = "Welcome"

    def build(self, argument: str | None) -> Iterator[None]:
        self.column.addSpacing(40)
        heading = text_label(translate("StartScreen", "Worried about hair loss?"), "Heading")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column.addWidget(heading)
        lead = text_label(
            translate(
                "StartScreen",
                "You are not alone. Hair loss is common, and there are many causes. "
                "Find out what might be going on, and what can help.",
            ),
            "Lead",
        )
        lead.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column.addWidget(lead)
        self.column.addSpacing(24)
        start = touch_button(translate("StartScreen", "Tap to start"), "Primary")
        start.setAccessibleDescription(
            translate("StartScreen", "Find out what might cause hair loss and what can help")
        )
        start.clicked.connect(lambda: self.go("causes"))
        self.column.addWidget(start)
        self.column.addSpacing(12)
        red_flags = touch_button(translate("StartScreen", "See a doctor soon if…"), "Alert", icon="warning")
        red_flags.clicked.connect(lambda: self.go("red_flags"))
        self.column.addWidget(red_flags)
        self.column.addWidget(privacy_note(self))
        yield
