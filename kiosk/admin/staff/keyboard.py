"""A small on-screen QWERTY keyboard for the touchscreen (Qt's virtual keyboard is not installed).

It types into the text box it is attached to (the staff area attaches the box that last had focus). Its keys
never take focus themselves, so the text cursor stays where it was; a physical keyboard works as usual too.
"""

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from kiosk.ui.widgets import text_label, touch_button

BACKSPACE, ENTER, SHIFT, SPACE, HIDE = "Backspace", "Enter", "Shift", "Space", "Hide keyboard"
ROWS = (
    (*"1234567890", "-", BACKSPACE),
    (*"qwertyuiop", "(", ")"),
    (*"asdfghjkl", "'", ":", ENTER),
    (SHIFT, *"zxcvbnm", ",", ".", "?", "!"),
    ("/", "%", "&", "+", SPACE, ";", '"', HIDE),
)
WIDE_KEYS = {BACKSPACE: 3, ENTER: 3, SHIFT: 3, SPACE: 12, HIDE: 4}
LABELS = {BACKSPACE: "Delete", HIDE: "Hide"}  # short enough for a portrait screen
KEY_NAMES = {
    BACKSPACE: "Delete",
    HIDE: "Hide keyboard",
    "&": "Ampersand",
    ",": "Comma",
    ".": "Full stop",
    "'": "Apostrophe",
    '"': "Quote",
    "-": "Dash",
    "/": "Slash",
}
TextBox = QLineEdit | QPlainTextEdit


class OnScreenKeyboard(QFrame):
    """Letters, digits, space, backspace, shift, common punctuation and Enter; types into `target`."""

    hidden_by_staff = Signal()

    def __init__(self):
        super().__init__()
        self.setObjectName("Keyboard")
        self.setAccessibleName("On-screen keyboard")
        self.target: TextBox | None = None
        self.shifted = False
        self.keys: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 14)
        layout.setSpacing(8)
        self.typing_into = text_label("Tap a box to type in it.", "KeyboardHint")
        layout.addWidget(self.typing_into)
        for row_keys in ROWS:
            row = QHBoxLayout()
            row.setSpacing(8)
            for key in row_keys:
                row.addWidget(self._key_button(key), WIDE_KEYS.get(key, 2))
            layout.addLayout(row)

    def _key_button(self, key: str):
        # A lone & would be read as a shortcut marker.
        button = touch_button(LABELS.get(key, key).replace("&", "&&"), "Key")
        button.setAccessibleName(KEY_NAMES.get(key, key))
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from box to box, never through the keys
        button.setAutoRepeat(key == BACKSPACE)
        button.clicked.connect(lambda _=False, pressed=key: self.press(pressed))
        self.keys[key] = button
        return button

    def attach(self, box: TextBox) -> None:
        """Type into `box` from now on."""
        self.target = box
        name = box.accessibleName() or "the text box"
        self.typing_into.setText(f"Typing in: {name}")
        self.typing_into.setAccessibleName(f"Typing in: {name}")

    def detach(self) -> None:
        """Type nowhere until a box is tapped; shift off."""
        self.target = None
        self.typing_into.setText("Tap a box to type in it.")
        self.typing_into.setAccessibleName("Tap a box to type in it.")
        self._set_shift(False)

    def key(self, name: str):
        """The button for a key ("a", "Space", "Backspace"…), as shown unshifted."""
        return self.keys[name]

    def press(self, key: str) -> None:
        """What tapping `key` does."""
        if key == HIDE:
            self.hide()
            self.hidden_by_staff.emit()
            return
        if key == SHIFT:
            self._set_shift(not self.shifted)
            return
        box = self.target
        if box is None or not box.isVisible():
            return
        if key == BACKSPACE:
            self._backspace(box)
        elif key == ENTER:
            self._enter(box)
        else:
            text = " " if key == SPACE else (key.upper() if self.shifted else key)
            if isinstance(box, QLineEdit):
                box.insert(text)
            else:
                box.insertPlainText(text)
            if self.shifted and key.isalpha():
                self._set_shift(False)
        box.setFocus()

    def _backspace(self, box: TextBox) -> None:
        if isinstance(box, QLineEdit):
            box.backspace()
            return
        cursor = box.textCursor()
        cursor.deletePreviousChar()
        box.setTextCursor(cursor)

    def _enter(self, box: TextBox) -> None:
        if isinstance(box, QPlainTextEdit):
            box.insertPlainText("\n")
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(box, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"))

    def _set_shift(self, on: bool) -> None:
        self.shifted = on
        for key, button in self.keys.items():
            if len(key) == 1 and key.isalpha():
                button.setText(key.upper() if on else key)
                button.setAccessibleName(key.upper() if on else key)
        self.keys[SHIFT].setProperty("on", on)
        self.keys[SHIFT].style().unpolish(self.keys[SHIFT])
        self.keys[SHIFT].style().polish(self.keys[SHIFT])
