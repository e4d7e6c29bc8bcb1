"""A patient who uses keys alone (a keyboard, or a one- or two-switch device that sends Tab, Enter and Space),
and what a screen reader finds through Qt's accessibility interfaces."""

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget

MOST_TABS = 80  # more than any screen's controls: a control further than this is unreachable


class KeysOnly:
    """Presses keys on whatever has focus, as a switch device does; never touches the screen."""

    def __init__(self, qtbot, window):
        self.qtbot = qtbot
        self.window = window
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)

    def focused(self) -> QWidget | None:
        """The widget with keyboard focus."""
        return QApplication.focusWidget()

    def press(self, key: Qt.Key) -> None:
        """Press and release `key` on the focused widget."""
        self.qtbot.keyClick(self.focused() or self.window, key)

    def tab_to(self, name: str) -> QWidget:
        """Press Tab until the control named `name` (or starting with it) has focus; fail if it never does.
        A person takes a moment before the first key: the screen has been built below the first view by then."""
        self.qtbot.waitUntil(self.window.current_screen().is_complete)
        seen = []
        for _ in range(MOST_TABS):
            self.press(Qt.Key.Key_Tab)
            widget = self.focused()
            label = widget.accessibleName() if widget is not None else ""
            if label == name or label.startswith(name):
                return widget
            seen.append(label)
        raise AssertionError(f"Tab never reached '{name}'; it went through {seen}")

    def tab_order(self) -> list[str]:
        """The names of the controls Tab reaches, from the focus now, once round."""
        names, first = [], None
        for _ in range(MOST_TABS):
            self.press(Qt.Key.Key_Tab)
            widget = self.focused()
            if widget is first:
                return names
            first = first or widget
            names.append(widget.accessibleName())
        raise AssertionError(f"Tab went round more than {MOST_TABS} times: {names}")


@dataclass(frozen=True)
class Node:
    """One object a screen reader finds: its role, name, state, heading level and depth in the tree."""

    role: QAccessible.Role
    name: str
    description: str
    depth: int
    level: int | None
    invisible: bool
    focused: bool
    checkable: bool
    checked: bool
    parent_name: str

    @property
    def is_heading(self) -> bool:
        """Whether a screen reader lists it among the headings."""
        return self.role == QAccessible.Role.Heading


def accessible_tree(widget: QWidget) -> list[Node]:
    """Every object under `widget` in the accessible tree, in reading order (as Orca gets them over AT-SPI).
    Keeps no interface: Qt deletes its own when their widget goes, unknown to the Python objects for them."""
    nodes: list[Node] = []

    def walk(interface, depth: int, parent_name: str) -> None:
        state = interface.state()
        attributes = interface.attributesInterface()
        level = attributes.attributeValue(QAccessible.Attribute.Level) if attributes is not None else None
        name = interface.text(QAccessible.Text.Name)
        nodes.append(
            Node(
                interface.role(),
                name,
                interface.text(QAccessible.Text.Description),
                depth,
                level,
                bool(state.invisible),
                bool(state.focused),
                bool(state.checkable),
                bool(state.checked),
                parent_name,
            )
        )
        for index in range(interface.childCount()):
            child = interface.child(index)
            assert child is not None, f"child {index} of {name!r} is missing"
            assert interface.indexOfChild(child) == index, f"child {index} of {name!r} does not know its place"
            # the window's title (a desktop shows it in the title bar) is not counted as a parent's name
            walk(child, depth + 1, (name if depth > 0 else "") or parent_name)

    walk(QAccessible.queryAccessibleInterface(widget), 0, "")
    return nodes
