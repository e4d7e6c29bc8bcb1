"""One treatment card: what it is, how well it works, its risks, and what to ask the doctor."""

from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets import (
    ResponsiveColumns,
    evidence_badge,
    list_section,
    section,
    text_label,
    text_section,
)


class TreatmentScreen(Screen):
    """The card for one treatment."""

    def build(self, argument: str | None) -> None:
        card = self.content.treatment(argument)
        self.title = card.name
        self.column.addWidget(text_label(card.name, "Heading"))
        self.column.addWidget(text_label(card.summary, "Lead"))
        self.column.addWidget(
            section("How good is the evidence?", evidence_badge(card.evidence), text_label(card.evidence_reason))
        )
        self.column.addWidget(
            ResponsiveColumns(
                [
                    text_section("What it is", card.what_it_is),
                    text_section("How it is used", card.how_used),
                    text_section("Is it approved?", card.status),
                    text_section("Who it may help", card.who_may_help),
                    text_section("When you might see results", card.results_time),
                    text_section("If you stop", card.if_you_stop),
                    text_section("Side effects", card.side_effects),
                    section("Who must not use it, or must ask first", text_label(card.who_must_avoid), role="Warning"),
                ]
            )
        )
        self.column.addWidget(list_section("Questions to ask your doctor", card.questions))
        sources = "Sources: " + ", ".join(card.sources) + f".\nLast checked: {card.last_reviewed}."
        self.column.addWidget(text_label(sources, "Small"))
