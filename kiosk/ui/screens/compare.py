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
        columns = ResponsiveColumns([], 1100)
        self.column.addWidget(columns)
        lists = []
        for level in Evidence:
            cards = [card for card in self.content.treatments if card.evidence is level]
            if cards:
                words = evidence_words(level)
                blocks = [Block(words, evidence=level), Block(translate("CompareScreen", MEANING[level]))]
                group = _group(text_panel(words, blocks))  # as section() draws a badge and a line
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
            label = filled(translate("CompareScreen", "Show more treatments (%1 not shown yet)"), left)
            self.column.addWidget(self.more_button(label, lambda: self._rows_from(lists, start + ROWS)))

    def _card_button(self, card: Treatment, level: Evidence) -> CardButton:
        detail = filled(translate("CompareScreen", "For: %1"), card.who_may_help)
        button = CardButton(card.name, detail, accessible_name=f"{card.name}, {evidence_words(level)}")
        button.clicked.connect(lambda _=False, card_id=card.id: self.go("treatment", card_id))
        return button
