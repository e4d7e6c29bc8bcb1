"""Every treatment card in one list."""

from collections.abc import Iterator

from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.cause import treatment_button
from kiosk.ui.widgets import text_label


class TreatmentsScreen(Screen):
    """All treatments, in the bundled order."""

    title = "All treatments"

    def build(self, argument: str | None) -> Iterator[None]:
        self.column.addWidget(text_label("All treatments", "Heading"))
        self.column.addWidget(text_label("Tap a treatment to read about it.", "Lead"))
        for card in self.content.treatments:
            button = treatment_button(card)
            button.clicked.connect(lambda _=False, card_id=card.id: self.go("treatment", card_id))
            self.column.addWidget(button)
            yield
