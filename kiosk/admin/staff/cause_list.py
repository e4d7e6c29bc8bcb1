"""The cause groups and the causes in each, as buttons to their editors."""

from kiosk.admin.staff.cause_editor import CauseGroupEditorPage, ConditionEditorPage
from kiosk.admin.staff.page import StaffPage
from kiosk.content.editing import get_draft
from kiosk.ui.widgets import CardButton, section, text_label


class CauseListPage(StaffPage):
    """Each cause group with its causes; tap one to change it."""

    title = "Edit causes"

    def __init__(self, area):
        super().__init__(area)
        self.refresh()

    def refresh(self) -> None:
        position = self.scroll.verticalScrollBar().value()
        self.clear_column()
        self.column.addWidget(text_label("Tap a cause group or a cause to change it.", "Lead"))
        for group in get_draft(self.conn).content.cause_groups:
            group_button = CardButton(group.title, group.summary, accessible_name=f"Edit group: {group.title}")
            group_button.clicked.connect(lambda _=False, g=group: self.area.open(CauseGroupEditorPage(self.area, g)))
            buttons = [group_button]
            for condition in group.conditions:
                button = CardButton(condition.title, accessible_name=f"Edit cause: {condition.title}")
                button.clicked.connect(lambda _=False, c=condition: self.area.open(ConditionEditorPage(self.area, c)))
                buttons.append(button)
            self.column.addWidget(section(group.title, *buttons))
        self.column.addStretch(1)
        self.scroll.verticalScrollBar().setValue(position)
