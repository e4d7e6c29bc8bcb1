"""The list of treatment cards in the draft: edit, move up or down, add, remove."""

from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from kiosk.admin.staff.card_editor import CardEditorPage
from kiosk.admin.staff.page import StaffPage
from kiosk.content.editing import get_draft, move_treatment, remove_treatment
from kiosk.storage.rows import Treatment
from kiosk.ui.widgets import CardButton, text_label, touch_button


class CardListPage(StaffPage):
    """Every card in patient order, each with Edit, Up, Down and Remove."""

    title = "Edit cards"

    def __init__(self, area):
        super().__init__(area)
        self.refresh()

    def refresh(self) -> None:
        position = self.scroll.verticalScrollBar().value()
        self.clear_column()
        self.column.addWidget(
            text_label(
                "Tap a card to change it. Changes go into the draft: patients see them after you publish.", "Lead"
            )
        )
        add = touch_button("Add a new card", "Primary")
        add.clicked.connect(lambda: self.area.open(CardEditorPage(self.area, None)))
        self.column.addWidget(add)
        cards = get_draft(self.conn).content.treatments
        for index, card in enumerate(cards):
            self.column.addWidget(self._row(card, index, len(cards)))
        self.column.addStretch(1)
        self.scroll.verticalScrollBar().setValue(position)

    def _row(self, card: Treatment, index: int, count: int) -> QWidget:
        row_widget = QWidget()
        row_widget.setObjectName("ScreenColumn")
        row = QHBoxLayout(row_widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        edit = CardButton(card.name, card.summary, card.evidence, accessible_name=f"Edit {card.name}")
        edit.clicked.connect(lambda: self.area.open(CardEditorPage(self.area, card)))
        row.addWidget(edit, 1)
        for text, name, target, enabled in (
            ("Up", f"Move {card.name} up", index - 1, index > 0),
            ("Down", f"Move {card.name} down", index + 1, index < count - 1),
        ):
            button = touch_button(text, "Secondary")
            button.setAccessibleName(name)
            button.setEnabled(enabled)
            button.clicked.connect(lambda _=False, to=target: self.move(card, to))
            row.addWidget(button)
        remove = touch_button("Remove", "Alert")
        remove.setAccessibleName(f"Remove {card.name}")
        remove.clicked.connect(lambda: self.ask_to_remove(card))
        row.addWidget(remove)
        for button in row_widget.findChildren(type(remove)):
            if button is not edit:
                button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        return row_widget

    def move(self, card: Treatment, position: int) -> None:
        """Move a card one place up or down."""
        if self.attempt(lambda: move_treatment(self.conn, card.id, position)) is not None:
            self.refresh()
            self.show_notice(f"Moved {card.name} to place {position + 1}.")

    def ask_to_remove(self, card: Treatment) -> None:
        """Ask before removing a card from the draft."""
        self.area.confirm(
            f"Remove the card “{card.name}”?",
            "It is also taken off every cause that links to it. Patients still see it until you publish.",
            "Remove card",
            lambda: self._remove(card),
            no_text="Keep it",
        )

    def _remove(self, card: Treatment) -> None:
        if self.attempt(lambda: remove_treatment(self.conn, card.id)) is not None:
            self.refresh()
            self.show_notice(f"Removed {card.name} from the draft.")
