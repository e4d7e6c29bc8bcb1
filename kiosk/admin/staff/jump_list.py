"""A list of a long form's parts, to jump to one instead of scrolling past the others."""

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.admin.staff.fields import Field
from kiosk.ui.widgets import ResponsiveColumns, touch_button

OPEN = "Jump to a part of this form"
CLOSE = "Hide the list of parts"
TWO_COLUMNS_FROM = 900


class JumpList(QWidget):
    """A button that shows a button per field (by its label); tapping one scrolls to that field."""

    def __init__(self, fields: Sequence[Field], scroll_to: Callable[[QWidget], None]):
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.toggle = touch_button(OPEN, "Secondary")
        self.toggle.clicked.connect(self.flip)
        layout.addWidget(self.toggle)
        buttons = []
        for field in fields:
            button = touch_button(field.label, "ListItem")
            button.setAccessibleName(f"Go to: {field.label}")
            button.clicked.connect(lambda _=False, chosen=field: self._jump(chosen, scroll_to))
            buttons.append(button)
        self.parts = ResponsiveColumns(buttons, TWO_COLUMNS_FROM)
        self.parts.hide()
        layout.addWidget(self.parts)

    def flip(self) -> None:
        """Show or hide the list of parts."""
        shown = not self.parts.isVisible()
        self.parts.setVisible(shown)
        self.toggle.setText(CLOSE if shown else OPEN)
        self.toggle.setAccessibleName(CLOSE if shown else OPEN)

    def _jump(self, field: Field, scroll_to: Callable[[QWidget], None]) -> None:
        self.flip()
        scroll_to(field)
