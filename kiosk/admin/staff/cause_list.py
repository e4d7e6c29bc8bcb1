"""The four cause groups and the causes in each: edit, add, rename, reorder and remove causes."""

from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from kiosk.admin.staff.cause_editor import CauseGroupEditorPage, ConditionEditorPage, NewConditionPage
from kiosk.admin.staff.page import StaffPage
from kiosk.content.editing import get_draft, move_condition, remove_condition
from kiosk.storage.rows import CauseGroup, Condition
from kiosk.ui.widgets import CardButton, section, text_label, touch_button


class CauseListPage(StaffPage):
    """Each cause group with its causes; tap one to change it (its title renames it), Up/Down, Remove, Add."""

    title = "Edit causes"

    def __init__(self, area):
        super().__init__(area)
        self.refresh()

    def refresh(self) -> None:
        position = self.scroll.verticalScrollBar().value()
        self.clear_column()
        self.column.addWidget(
            text_label(
                "Tap a cause group or a cause to change it (change its title to rename it). Up and Down set the "
                "order patients see. Changes go into the draft.",
                "Lead",
            )
        )
        for group in get_draft(self.conn).content.cause_groups:
            self.column.addWidget(self._group_panel(group))
        self.column.addStretch(1)
        self.scroll.verticalScrollBar().setValue(position)

    def _group_panel(self, group: CauseGroup):
        group_button = CardButton(group.title, group.summary, accessible_name=f"Edit group: {group.title}")
        group_button.clicked.connect(lambda: self.area.open(CauseGroupEditorPage(self.area, group)))
        rows = [group_button]
        for index, condition in enumerate(group.conditions):
            rows.append(self._row(condition, index, len(group.conditions)))
        add = touch_button(f"Add a cause to “{group.title}”", "Primary")
        add.clicked.connect(lambda: self.area.open(NewConditionPage(self.area, group)))
        rows.append(add)
        return section(group.title, *rows)

    def _row(self, condition: Condition, index: int, count: int) -> QWidget:
        row_widget = QWidget()
        row_widget.setObjectName("ScreenColumn")
        row = QHBoxLayout(row_widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        edit = CardButton(condition.title, accessible_name=f"Edit cause: {condition.title}")
        edit.clicked.connect(lambda: self.area.open(ConditionEditorPage(self.area, condition)))
        row.addWidget(edit, 1)
        buttons = []
        for text, name, target, enabled in (
            ("Up", f"Move {condition.title} up", index - 1, index > 0),
            ("Down", f"Move {condition.title} down", index + 1, index < count - 1),
        ):
            button = touch_button(text, "Secondary")
            button.setAccessibleName(name)
            button.setEnabled(enabled)
            button.clicked.connect(lambda _=False, to=target: self.move(condition, to))
            buttons.append(button)
        remove = touch_button("Remove", "Alert")
        remove.setAccessibleName(f"Remove {condition.title}")
        remove.setEnabled(count > 1)
        remove.clicked.connect(lambda: self.ask_to_remove(condition))
        for button in (*buttons, remove):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
            row.addWidget(button)
        return row_widget

    def move(self, condition: Condition, position: int) -> None:
        """Move a cause one place up or down within its group."""
        if self.attempt(lambda: move_condition(self.conn, condition.id, position)) is not None:
            self.refresh()
            self.show_notice(f"Moved {condition.title} to place {position + 1}.")

    def ask_to_remove(self, condition: Condition) -> None:
        """Ask before removing a cause from the draft."""
        self.area.confirm(
            f"Remove the cause “{condition.title}”?",
            "Its text goes, and its links to cards. The cards stay. Patients still see it until you publish.",
            "Remove cause",
            lambda: self._remove(condition),
            no_text="Keep it",
        )

    def _remove(self, condition: Condition) -> None:
        if self.attempt(lambda: remove_condition(self.conn, condition.id)) is not None:
            self.refresh()
            self.show_notice(f"Removed {condition.title} from the draft.")
