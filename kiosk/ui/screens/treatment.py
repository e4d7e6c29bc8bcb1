"""One treatment card: key points, what it is, how well it works, its risks, when to get help, and what to do."""

from collections.abc import Iterator

from kiosk.ui.painted import BULLET, Block, text_panel
from kiosk.ui.questions import questions_section
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.sign_off import checked_by_label, key_points_section, next_steps_section, sources_line
from kiosk.ui.translation import filled, translate
from kiosk.ui.widgets import (
    ResponsiveColumns,
    evidence_badge,
    section,
    text_label,
    text_section,
)


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
            section(
                translate("TreatmentScreen", "How good is the evidence?"),
                evidence_badge(card.evidence),
                text_label(card.evidence_reason),
            )
        )
        yield
        if card.get_help_now:
            signs = [Block(sign, mark=BULLET) for sign in card.get_help_now]
            title = translate("TreatmentScreen", "Get help now if…")
            self.column.addWidget(text_panel(title, [*signs, Block(card.get_help_action, bold=True)], "Warning"))
            yield
        sections = ResponsiveColumns([])
        self.column.addWidget(sections)
        for title, text in (
            (translate("TreatmentScreen", "What it is"), card.what_it_is),
            (translate("TreatmentScreen", "How it is used"), card.how_used),
            (translate("TreatmentScreen", "Is it approved?"), card.status),
            (translate("TreatmentScreen", "Who it may help"), card.who_may_help),
            (translate("TreatmentScreen", "When you might see results"), card.results_time),
            (translate("TreatmentScreen", "If you stop"), card.if_you_stop),
            (translate("TreatmentScreen", "Side effects"), card.side_effects),
        ):
            sections.add(text_section(title, text))
            yield
        sections.add(
            section(
                translate("TreatmentScreen", "Who must not use it, or must ask first"),
                text_label(card.who_must_avoid),
                role="Warning",
            )
        )
        yield
        if card.next_steps:
            self.column.addWidget(next_steps_section(card.next_steps))
        self.column.addWidget(questions_section(self, card, self.english_content.treatment(argument)))
        checked = filled(translate("TreatmentScreen", "Sources last checked: %1."), card.last_reviewed)
        sources = f"{sources_line(card.sources)}\n{checked}"
        self.column.addWidget(checked_by_label(card.checked_by, sources))
