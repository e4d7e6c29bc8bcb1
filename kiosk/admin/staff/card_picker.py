"""Linking cards to a cause by ticking them: one big button per card, named as patients see it, with its evidence."""

from typing import Any

from PySide6.QtWidgets import QLabel

from kiosk.admin.staff.fields import Field
from kiosk.storage.rows import Treatment
from kiosk.ui.widgets import CardButton, ResponsiveColumns

LINKED = "Linked to this cause. Tap to unlink."
NOT_LINKED = "Not linked. Tap to link."
TWO_COLUMNS_FROM = 1000


class CardPickerField(Field):
    """Every card as a toggle (its name, its evidence badge, linked or not); the value is the ticked card ids,
    those already linked first in their order, then newly ticked ones in the order they were ticked."""

    def __init__(self, key: str, label: str, cards: tuple[Treatment, ...], hint: str = ""):
        super().__init__(key, label, hint)
        self.buttons: dict[str, CardButton] = {}
        self._names = {card.id: f"{card.name} · {card.evidence.words}" for card in cards}
        self._order: list[str] = []
        for card in cards:
            button = CardButton(card.name, NOT_LINKED, card.evidence)
            button.setCheckable(True)
            button.toggled.connect(lambda ticked, card_id=card.id: self._toggled(card_id, ticked))
            self.buttons[card.id] = button
            self._show(card.id, False)
        self._add_input(ResponsiveColumns(list(self.buttons.values()), TWO_COLUMNS_FROM))

    def _show(self, card_id: str, ticked: bool) -> None:
        button = self.buttons[card_id]
        button.setAccessibleName(f"{'Linked' if ticked else 'Not linked'}: {self._names[card_id]}")
        detail = button.findChild(QLabel, "CardDetail")
        if detail is not None:
            detail.setText(LINKED if ticked else NOT_LINKED)

    def _toggled(self, card_id: str, ticked: bool) -> None:
        self._show(card_id, ticked)
        if ticked and card_id not in self._order:
            self._order.append(card_id)
        elif not ticked and card_id in self._order:
            self._order.remove(card_id)

    def value(self) -> list[str]:
        return list(self._order)

    def set_value(self, value: Any) -> None:
        wanted = [card_id for card_id in value if card_id in self.buttons]
        for card_id, button in self.buttons.items():
            button.setChecked(card_id in wanted)
            self._show(card_id, card_id in wanted)
        self._order = wanted
