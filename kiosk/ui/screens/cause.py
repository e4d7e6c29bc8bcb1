"""One cause group: key points, what each cause is, signs that fit, what a doctor may check, treatments that apply
(and, under their own heading, what is sold for it but not shown to work), and what to do next."""

from collections.abc import Iterator

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.storage.rows import Condition, Treatment
from kiosk.ui.painted import evidence_words
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.sign_off import checked_by_label, key_points_section, next_steps_section
from kiosk.ui.translation import translate
from kiosk.ui.widgets import CardButton, ResponsiveColumns, list_section, section, text_label, touch_button

UNPROVEN_NOTE = QT_TRANSLATE_NOOP(
    "CauseScreen", "People sell these for this problem, but good studies do not show that they work."
)


def treatment_button(treatment: Treatment, detail: str | None = None) -> QPushButton:
    """A button to a card: its name, its evidence level in words, and one line about it."""
    return CardButton(
        treatment.name,
        treatment.summary if detail is None else detail,
        treatment.evidence,
        accessible_name=f"{treatment.name}, {evidence_words(treatment.evidence)}",
    )


class CauseScreen(Screen):
    """The screen for one cause group (hormonal, nutritional, genetic, other)."""

    def build(self, argument: str | None) -> Iterator[None]:
        group = self.content.cause_group(argument)
        self.title = group.title
        self.column.addWidget(text_label(group.title, "Heading"))
        if group.key_points:
            self.column.addWidget(key_points_section(group.key_points))
        self.column.addWidget(text_label(group.summary, "Lead"))
        red_flags = touch_button(translate("CauseScreen", "See a doctor soon if…"), "Alert", icon="warning")
        red_flags.clicked.connect(lambda: self.go("red_flags"))
        self.column.addWidget(red_flags)
        if self.content.pictures:
            pictures = touch_button(
                translate("CauseScreen", "What does it look like? See drawings"), "Secondary", icon="book"
            )
            pictures.clicked.connect(lambda: self.go("pictures"))
            self.column.addWidget(pictures)
        yield
        for condition in group.conditions:
            yield from self._add_condition(condition)
        if group.next_steps:
            self.column.addWidget(next_steps_section(group.next_steps))
        self.column.addWidget(checked_by_label(group.checked_by))

    def _add_condition(self, condition: Condition) -> Iterator[None]:
        self.column.addSpacing(12)
        self.add_block(lambda: text_label(condition.title, "SubHeading"))
        self.add_block(lambda: text_label(condition.what_it_is))
        yield
        if condition.signs or condition.doctor_checks:
            self.add_block(lambda: ResponsiveColumns(self._condition_panels(condition)))
            yield
        if condition.treatment_ids:
            title = translate("CauseScreen", "Treatments that may help")
            self.add_block(lambda: section(title, ResponsiveColumns(self._card_buttons(condition.treatment_ids), 900)))
            yield
        if condition.unproven_ids:
            self.add_block(lambda: self._unproven_section(condition.unproven_ids))
            yield

    def _condition_panels(self, condition: Condition) -> list[QWidget]:
        panels = []
        if condition.signs:
            panels.append(list_section(translate("CauseScreen", "Signs that fit"), condition.signs))
        if condition.doctor_checks:
            panels.append(list_section(translate("CauseScreen", "What your doctor may check"), condition.doctor_checks))
        return panels

    def _unproven_section(self, card_ids: tuple[str, ...]) -> QWidget:
        return section(
            translate("CauseScreen", "Sold for this, but not shown to work"),
            text_label(translate("CauseScreen", UNPROVEN_NOTE)),
            ResponsiveColumns(self._card_buttons(card_ids), 900),
            role="Warning",
        )

    def _card_buttons(self, card_ids: tuple[str, ...]) -> list[QPushButton]:
        buttons = []
        for treatment_id in card_ids:
            button = treatment_button(self.content.treatment(treatment_id), detail="")
            button.clicked.connect(lambda _=False, card=treatment_id: self.go("treatment", card))
            buttons.append(button)
        return buttons
