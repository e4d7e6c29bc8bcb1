"""Every treatment card in one list, a page at a time for a long list."""

from collections.abc import Iterator

from PySide6.QtWidgets import QPushButton

from kiosk.storage.rows import Treatment
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.cause import treatment_button
from kiosk.ui.translation import filled, translate
from kiosk.ui.widgets import text_label

PAGE = 30  # cards shown before a "Show more" button: a clinic's own list may run to hundreds


class TreatmentsScreen(Screen):
    """All treatments, in the bundled order."""

    title = "All treatments"

    def build(self, argument: str | None) -> Iterator[None]:
        self.column.addWidget(text_label(translate("TreatmentsScreen", "All treatments"), "Heading"))
        self.column.addWidget(text_label(translate("TreatmentsScreen", "Tap a treatment to read about it."), "Lead"))
        yield
        yield from self._cards_from(0)

    def _cards_from(self, start: int) -> Iterator[None]:
        cards = self.content.treatments
        for card in cards[start : start + PAGE]:
            self.add_block(lambda card=card: self._card_button(card))
            yield
        left = len(cards) - start - PAGE
        if left > 0:
            label = filled(
                translate("TreatmentsScreen", "Show %1 more treatments (%2 not shown yet)"), min(left, PAGE), left
            )
            self.column.addWidget(self.more_button(label, lambda: self._cards_from(start + PAGE)))

    def _card_button(self, card: Treatment) -> QPushButton:
        button = treatment_button(card)
        button.clicked.connect(lambda _=False, card_id=card.id: self.go("treatment", card_id))
        return button
