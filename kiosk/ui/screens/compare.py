"""'What actually works?': every treatment grouped by how good the evidence is."""

from collections.abc import Iterator

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.storage.rows import Evidence, Treatment
from kiosk.ui.painted import Block, text_panel
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets import CardButton, ResponsiveColumns, add_to_section, text_label

ROWS = 12  # cards per evidence level before a "Show more" button: a clinic's own list may run to hundreds
MEANING = {
    Evidence.STRONG: "Tested in many good trials and approved for hair loss.",
    Evidence.MODERATE: "Some trials show it helps, but results vary.",
    Evidence.LIMITED: "Only small or early studies. It may help some people.",
    Evidence.NOT_PROVEN: "No good studies in people, or there are safety warnings.",
}


def _group(heading: QWidget) -> QWidget:
    """One evidence level: its heading panel, then its cards (added with `add_to_section`)."""
    group = QWidget()
    group.setObjectName("ScreenColumn")
    layout = QVBoxLayout(group)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(12)
    layout.addWidget(heading)
    layout.addStretch(1)  # beside a longer list, keep the cards at the top
    return group


class CompareScreen(Screen):
    """Treatments side by side by evidence level, with who each one is for."""

    title = "Compare treatments"

    def build(self, argument: str | None) -> Iterator[None]:
        self.column.addWidget(text_label("What actually works?", "Heading"))
        self.column.addWidget(
            text_label("Treatments sorted by how well they are shown to work. Tap one to read more.", "Lead")
        )
        columns = ResponsiveColumns([], 1100)
        self.column.addWidget(columns)
        lists = []
        for level in Evidence:
            cards = [card for card in self.content.treatments if card.evidence is level]
            if cards:
                blocks = [Block(level.words, evidence=level), Block(MEANING[level])]  # as section() draws them
                group = _group(text_panel(level.words, blocks))
                columns.add(group)
                lists.append((group, level, cards))
        yield
        yield from self._rows_from(lists, 0)

    def _rows_from(self, lists: list[tuple[QWidget, Evidence, list[Treatment]]], start: int) -> Iterator[None]:
        """A row of cards at a time, across the columns, so that the first view fills evenly."""
        rows = max((len(cards) for _, _, cards in lists), default=0)
        for row in range(start, min(rows, start + ROWS)):
            for group, level, cards in lists:
                if row < len(cards):
                    add_to_section(group, self._card_button(cards[row], level))
            yield
        if rows > start + ROWS:
            left = sum(max(0, len(cards) - start - ROWS) for _, _, cards in lists)
            label = f"Show more treatments ({left} not shown yet)"
            self.column.addWidget(self.more_button(label, lambda: self._rows_from(lists, start + ROWS)))

    def _card_button(self, card: Treatment, level: Evidence) -> CardButton:
        button = CardButton(card.name, f"For: {card.who_may_help}", accessible_name=f"{card.name}, {level.words}")
        button.clicked.connect(lambda _=False, card_id=card.id: self.go("treatment", card_id))
        return button
