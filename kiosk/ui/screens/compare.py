"""'What actually works?': every treatment grouped by how good the evidence is."""

from kiosk.storage.rows import Evidence
from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets import CardButton, ResponsiveColumns, evidence_badge, section, text_label

MEANING = {
    Evidence.STRONG: "Tested in many good trials and approved for hair loss.",
    Evidence.MODERATE: "Some trials show it helps, but results vary.",
    Evidence.LIMITED: "Only small or early studies. It may help some people.",
    Evidence.NOT_PROVEN: "No good studies in people, or there are safety warnings.",
}


class CompareScreen(Screen):
    """Treatments side by side by evidence level, with who each one is for."""

    title = "Compare treatments"

    def build(self, argument: str | None) -> None:
        self.column.addWidget(text_label("What actually works?", "Heading"))
        self.column.addWidget(
            text_label("Treatments sorted by how well they are shown to work. Tap one to read more.", "Lead")
        )
        groups = []
        for level in Evidence:
            cards = [card for card in self.content.treatments if card.evidence is level]
            if not cards:
                continue
            widgets = [evidence_badge(level), text_label(MEANING[level])]
            for card in cards:
                button = CardButton(
                    card.name, f"For: {card.who_may_help}", accessible_name=f"{card.name}, {level.words}"
                )
                button.clicked.connect(lambda _=False, card_id=card.id: self.go("treatment", card_id))
                widgets.append(button)
            groups.append(section(level.words, *widgets))
        self.column.addWidget(ResponsiveColumns(groups, 1100))
