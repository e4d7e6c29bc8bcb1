"""Form fields for the staff editors: one input per content field, each with room for its own error.

Text from the database goes in as plain text (QLineEdit.setText, QPlainTextEdit.setPlainText). Lists are
one entry per line; blank lines are dropped. Errors from kiosk.content (ContentError.problems, which name
the item and the field) are shown next to the field they belong to.
"""

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from kiosk.content.labels import describe_problem, sentence
from kiosk.content.schema import Problem
from kiosk.ui.widgets import text_label, touch_button


class Field(QWidget):
    """A label, an optional hint, the input, and an error line under it."""

    def __init__(self, key: str, label: str, hint: str = ""):
        super().__init__()
        self.setObjectName("Field")
        self.key = key
        self.label = label
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._layout.addWidget(text_label(label, "FieldLabel"))
        if hint:
            self._layout.addWidget(text_label(hint, "FieldHint"))
        self.error = text_label("", "FieldError")
        self.error.hide()

    def _add_input(self, widget: QWidget) -> None:
        self._layout.addWidget(widget)
        self._layout.addWidget(self.error)

    def value(self) -> Any:
        """What is in the input now, as the content model wants it."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Put `value` in the input."""
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        """Show what is wrong with this field, in red, under the input."""
        text = sentence(message)
        self.error.setText(text)
        self.error.setAccessibleName(f"{self.label}: {text}")
        self.error.show()

    def clear_error(self) -> None:
        """No error to show."""
        self.error.hide()
        self.error.setText("")
        self.error.setAccessibleName("")


class LineField(Field):
    """One line of text."""

    def __init__(self, key: str, label: str, hint: str = ""):
        super().__init__(key, label, hint)
        self.input = QLineEdit()
        self.input.setAccessibleName(label)
        self._add_input(self.input)

    def value(self) -> str:
        return self.input.text()

    def set_value(self, value: Any) -> None:
        self.input.setText(str(value))


class TextField(Field):
    """A few lines of text."""

    def __init__(self, key: str, label: str, hint: str = "", lines: int = 4):
        super().__init__(key, label, hint)
        self.input = QPlainTextEdit()
        self.input.setAccessibleName(label)
        self.input.setTabChangesFocus(True)
        self.input.setMinimumHeight(44 + 36 * lines)
        self.input.setMaximumHeight(44 + 36 * (lines + 2))
        self._add_input(self.input)

    def value(self) -> str:
        return self.input.toPlainText()

    def set_value(self, value: Any) -> None:
        self.input.setPlainText(str(value))


class ListField(TextField):
    """A list of texts, one per line."""

    def value(self) -> list[str]:
        return [line.strip() for line in self.input.toPlainText().splitlines() if line.strip()]

    def set_value(self, value: Any) -> None:
        self.input.setPlainText("\n".join(value))


class ChoiceField(Field):
    """One of a few values, as big buttons side by side (two rows on a narrow screen)."""

    def __init__(self, key: str, label: str, choices: Sequence[tuple[str, str]], hint: str = ""):
        super().__init__(key, label, hint)
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, Any] = {}
        for index, (value, text) in enumerate(choices):
            button = touch_button(text, "Choice")
            button.setCheckable(True)
            button.setAccessibleName(f"{label}: {text}")
            self.group.addButton(button)
            self.buttons[value] = button
            grid.addWidget(button, index // 2 if len(choices) > 3 else 0, index % 2 if len(choices) > 3 else index)
        self._add_input(holder)

    def value(self) -> str:
        return next((value for value, button in self.buttons.items() if button.isChecked()), "")

    def set_value(self, value: Any) -> None:
        for choice, button in self.buttons.items():
            button.setChecked(choice == str(value))


class Form:
    """The fields of one editor, what was loaded into them, and the errors shown on them."""

    def __init__(self, fields: Iterable[Field]):
        self.fields = {field.key: field for field in fields}
        self._loaded: dict[str, Any] = {}

    def load(self, values: dict[str, Any]) -> None:
        """Fill the fields; this is what `changes` compares with."""
        for key, field in self.fields.items():
            if key in values:
                field.set_value(values[key])
        self.mark_saved()

    def mark_saved(self) -> None:
        """What is in the fields now counts as saved."""
        self._loaded = self.values()

    def values(self) -> dict[str, Any]:
        """Every field's value."""
        return {key: field.value() for key, field in self.fields.items()}

    def changes(self) -> dict[str, Any]:
        """Only the fields changed since loading or saving."""
        return {key: value for key, value in self.values().items() if value != self._loaded.get(key)}

    def clear_errors(self) -> None:
        """Hide every error."""
        for field in self.fields.values():
            field.clear_error()

    def show_problems(self, problems: Iterable[Problem], belongs: Callable[[Problem], bool]) -> list[Problem]:
        """Show each problem next to its field; the problems that have no field here are returned."""
        elsewhere = []
        shown: set[str] = set()
        for problem in problems:
            field = self.fields.get(problem.field)
            if field is None or not belongs(problem):
                elsewhere.append(problem)
            elif problem.field not in shown:
                field.show_error(problem.message)
                shown.add(problem.field)
        return elsewhere

    def first_error(self) -> Field | None:
        """The first field showing an error, to scroll to."""
        return next((field for field in self.fields.values() if not field.error.isHidden()), None)


def problem_lines(problems: Iterable[Problem]) -> str:
    """Problems that belong to no field here, as lines for the page notice."""
    return "\n".join(f"• {describe_problem(problem)}" for problem in problems)
