"""'What actually works?': every treatment grouped by how good the evidence is."""

from collections.abc import Iterator

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.storage.rows import Evidence, Treatment
from kiosk.ui.painted import Block, evidence_words, text_panel
from kiosk.ui.screens.base import Screen
from kiosk.ui.translation import filled, translate
from kiosk.ui.widgets import CardButton, ResponsiveColumns, add_to_section, text_label

ROWS = 12  # cards per evidence level before a "Show more" button: a clinic's own list may run to hundreds
LEVELS_SIDE_BY_SIDE = 2
MEANING = {
    Evidence.STRONG: QT_TRANSLATE_NOOP("CompareScreen", "Tested in many good trials and approved for hair loss."),
    Evidence.MODERATE: QT_TRANSLATE_NOOP("CompareScreen", "Some trials show it helps, but results vary."),
    Evidence.LIMITED: QT_TRANSLATE_NOOP("CompareScreen", "Only small or early studies. It may help some people."),
    Evidence.NOT_PROVEN: QT_TRANSLATE_NOOP("CompareScreen", "No good studies in people, or there are safety warnings."),
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
        self.column.addWidget(text_label(translate("CompareScreen", "What actually works?"), "Heading"))
        self.column.addWidget(
            text_label(
                translate(
                    "CompareScreen", "Treatments sorted by how well they are shown to work. Tap one to read more."
                ),
                "Lead",
            )
        )
        levels = [(level, [card for card in self.content.treatments if card.evidence is level]) for level in Evidence]
        levels = [(level, cards) for level, cards in levels if cards]
        shown = []
        # Two levels to a row, each row a block of the page with its cards: a place far down the list is shown
        # (after a change of look, or Back) with only its own row built before the frame.
        for first in range(0, len(levels), LEVELS_SIDE_BY_SIDE):
            row = ResponsiveColumns([], 1100)
            self.column.addWidget(row)
            in_row = [
                (self._level_group(row, level), level, cards)
                for level, cards in levels[first : first + LEVELS_SIDE_BY_SIDE]
            ]
            shown += in_row
            yield
            yield from self._card_rows(in_row, 0)
        self._offer_more(shown, ROWS)

    def _level_group(self, row: ResponsiveColumns, level: Evidence) -> QWidget:
        words = evidence_words(level)
        blocks = [Block(words, evidence=level), Block(translate("CompareScreen", MEANING[level]))]
        group = _group(text_panel(words, blocks))  # as section() draws a badge and a line
        row.add(group)
        return group

    def _card_rows(self, levels: list[tuple[QWidget, Evidence, list[Treatment]]], start: int) -> Iterator[None]:
        """Each level's cards from `start`, up to ROWS of them, a row across the levels at a time (the first view
        fills evenly)."""
        rows = max((len(cards) for _, _, cards in levels), default=0)
        for row in range(start, min(rows, start + ROWS)):
            for group, level, cards in levels:
                if row < len(cards):
                    add_to_section(group, self._card_button(cards[row], level))
            yield

    def _offer_more(self, levels: list[tuple[QWidget, Evidence, list[Treatment]]], start: int) -> None:
        """A "Show more" button under the levels while any has cards from `start` on."""
        left = sum(max(0, len(cards) - start) for _, _, cards in levels)
        if left:
            label = filled(translate("CompareScreen", "Show more treatments (%1 not shown yet)"), left)
            self.column.addWidget(self.more_button(label, lambda: self._more(levels, start)))

    def _more(self, levels: list[tuple[QWidget, Evidence, list[Treatment]]], start: int) -> Iterator[None]:
        yield from self._card_rows(levels, start)
        self._offer_more(levels, start + ROWS)

    def _card_button(self, card: Treatment, level: Evidence) -> CardButton:
        detail = filled(translate("CompareScreen", "For: %1"), card.who_may_help)
        button = CardButton(card.name, detail, accessible_name=f"{card.name}, {evidence_words(level)}")
        button.clicked.connect(lambda _=False, card_id=card.id: self.go("treatment", card_id))
        return button
