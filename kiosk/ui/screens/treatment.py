"""One treatment card: key points, what it is, how well it works, its risks, when to get help, and what to do."""

from collections.abc import Iterator

from kiosk.ui.painted import BULLET, Block, text_panel
from kiosk.ui.questions import questions_section
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.sign_off import checked_by_label, key_points_section, next_steps_section
from kiosk.ui.widgets import (
    ResponsiveColumns,
    evidence_badge,
    section,
    text_label,
    text_section,
)

GET_HELP_NOW = "Get help now if…"


class TreatmentScreen(Screen):
    """The card for one treatment."""

    def build(self, argument: str | None) -> Iterator[None]:
        card = self.content.treatment(argument)
        self.title = card.name
        self.column.addWidget(text_label(card.name, "Heading"))
        if card.key_points:
            self.column.addWidget(key_points_section(card.key_points))
        self.column.addWidget(text_label(card.summary, "Lead"))
        self.column.addWidget(
            section("How good is the evidence?", evidence_badge(card.evidence), text_label(card.evidence_reason))
        )
        yield
        if card.get_help_now:
            signs = [Block(sign, mark=BULLET) for sign in card.get_help_now]
            self.column.addWidget(text_panel(GET_HELP_NOW, [*signs, Block(card.get_help_action, bold=True)], "Warning"))
            yield
        sections = ResponsiveColumns([])
        self.column.addWidget(sections)
        for title, text in (
            ("What it is", card.what_it_is),
            ("How it is used", card.how_used),
            ("Is it approved?", card.status),
            ("Who it may help", card.who_may_help),
            ("When you might see results", card.results_time),
            ("If you stop", card.if_you_stop),
            ("Side effects", card.side_effects),
        ):
            sections.add(text_section(title, text))
            yield
        sections.add(section("Who must not use it, or must ask first", text_label(card.who_must_avoid), role="Warning"))
        yield
        if card.next_steps:
            self.column.addWidget(next_steps_section(card.next_steps))
        self.column.addWidget(questions_section(self, card))
        sources = "Sources: " + ", ".join(card.sources) + f".\nSources last checked: {card.last_reviewed}."
        self.column.addWidget(checked_by_label(card.checked_by, sources))
