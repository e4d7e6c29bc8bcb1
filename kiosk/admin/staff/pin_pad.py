"""The PIN pad: big digit buttons, dots for what was typed (never the digits), and setting a first PIN."""

import datetime
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QVBoxLayout

from kiosk.admin.staff.operations import staff_message
from kiosk.admin.staff.page import StaffPage
from kiosk.content.pin import LOCK_TIME, MAX_ATTEMPTS, PinError, PinResult, check_pin, pin_is_set, set_pin
from kiosk.ui.widgets import text_label, touch_button

MAX_DIGITS = 8
MIN_DIGITS = 4
NO_PIN_HELP = (
    "No staff PIN has been set yet. IT can set one on this computer with the command:  kiosk-admin set-pin\n"
    "Or set one now on this pad."
)


def local_time(moment: datetime.datetime) -> str:
    """A UTC time as the kiosk's local clock shows it, like 14:35."""
    return moment.astimezone().strftime("%H:%M")


class PinPadPage(StaffPage):
    """Asks for the staff PIN; calls `on_unlocked` when it is right (or a first PIN was just set)."""

    title = "Staff area"

    def __init__(self, area, on_unlocked: Callable[[], None], on_cancel: Callable[[], None], changing: bool = False):
        super().__init__(area)
        self._on_unlocked = on_unlocked
        self._typed = ""
        # "check"; "new", "confirm" while setting a PIN; "old" first when changing one
        self._mode = "old" if changing else "check"
        self._changing = changing
        self._old_pin = ""
        self._new_pin = ""
        if changing:
            self.title = "Change the staff PIN"
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        panel = QFrame()
        panel.setObjectName("StaffPanel")
        panel.setMaximumWidth(760)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(40, 32, 40, 32)
        inner.setSpacing(18)
        self.prompt = text_label("", "PanelTitle")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.dots = text_label("", "PinDots")
        self.dots.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = text_label("", "PinMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_pin_help = text_label(NO_PIN_HELP, "PanelText")
        self.set_pin_button = touch_button("Set a PIN now", "Secondary")
        self.set_pin_button.clicked.connect(self.start_setting_pin)
        for widget in (self.prompt, self.no_pin_help, self.set_pin_button, self.dots, self.message):
            inner.addWidget(widget)
        inner.addLayout(self._build_pad(on_cancel))
        row = QHBoxLayout()
        row.addWidget(panel)
        self.column.addLayout(row)
        self.column.addStretch(1)
        self._show_state()

    def _build_pad(self, on_cancel: Callable[[], None]) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(14)
        self.digit_buttons = {}
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._digit(digit), index // 3, index % 3)
        clear = touch_button("Clear", "PinKey")
        clear.clicked.connect(self.clear)
        grid.addWidget(clear, 3, 0)
        grid.addWidget(self._digit("0"), 3, 1)
        self.ok_button = touch_button("OK", "PinOk")
        self.ok_button.clicked.connect(self.submit)
        grid.addWidget(self.ok_button, 3, 2)
        cancel = touch_button("Cancel", "Secondary")
        cancel.clicked.connect(on_cancel)
        grid.addWidget(cancel, 4, 0, 1, 3)
        return grid

    def _digit(self, digit: str):
        button = touch_button(digit, "PinKey")
        button.clicked.connect(lambda _=False: self.type_digit(digit))
        self.digit_buttons[digit] = button
        return button

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name: a physical keyboard works too
        if event.text().isdigit() and event.text().isascii():
            self.type_digit(event.text())
        elif event.key() == Qt.Key.Key_Backspace:
            self._typed = self._typed[:-1]
            self._show_dots()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        else:
            super().keyPressEvent(event)

    def type_digit(self, digit: str) -> None:
        """One more digit (up to eight)."""
        if len(self._typed) < MAX_DIGITS:
            self._typed += digit
        self._show_dots()

    def clear(self) -> None:
        """Forget what was typed."""
        self._typed = ""
        self._show_dots()

    def submit(self) -> None:
        """OK: check the PIN, or take the next step of setting a first PIN."""
        typed, self._typed = self._typed, ""
        self._show_dots()
        if self._mode == "check":
            self._check(typed)
        elif self._mode == "old":
            self._check_old(typed)
        elif self._mode == "new":
            self._choose(typed)
        else:
            self._confirm(typed)

    def start_setting_pin(self) -> None:
        """Start setting a first PIN: choose one, then type it again."""
        self._mode = "new"
        self._typed = ""
        self._show_state()

    def _check(self, typed: str) -> None:
        result = self._checked(typed)
        if result is not None and result.ok:
            self._on_unlocked()

    def _check_old(self, typed: str) -> None:
        result = self._checked(typed)
        if result is not None and result.ok:
            self._old_pin = typed
            self._mode = "new"
            self._show_state()

    def _checked(self, typed: str) -> PinResult | None:
        if not typed:
            self._say("Type the PIN with the buttons, then tap OK.")
            return None
        if len(typed) < MIN_DIGITS:
            self._say(
                f"A PIN has {MIN_DIGITS} to {MAX_DIGITS} digits. Type all of it, then tap OK. "
                "(This did not count as a try.)"
            )
            return None
        try:
            result = check_pin(self.conn, typed)
        except PinError:
            self._show_state()
            return None
        except sqlite3.Error as error:
            self._say(staff_message(error))
            return None
        self._say_result(result)
        return result

    def _say_result(self, result: PinResult) -> None:
        if result.ok:
            return
        if result.locked_until is not None:
            minutes = int(LOCK_TIME.total_seconds() // 60)
            self._say(
                f"Too many wrong PINs ({MAX_ATTEMPTS} in a row). The staff area is locked for {minutes} minutes, "
                f"until {local_time(result.locked_until)}."
            )
        else:
            tries = "1 try" if result.attempts_left == 1 else f"{result.attempts_left} tries"
            self._say(f"That PIN is not right. {tries} left before the staff area locks for 5 minutes.")

    def _choose(self, typed: str) -> None:
        if not MIN_DIGITS <= len(typed) <= MAX_DIGITS:
            self._say(f"A PIN has {MIN_DIGITS} to {MAX_DIGITS} digits. Try again.")
            return
        self._new_pin = typed
        self._mode = "confirm"
        self._show_state()

    def _confirm(self, typed: str) -> None:
        pin, self._new_pin = self._new_pin, ""
        if typed != pin:
            self._mode = "new"
            self._show_state()
            self._say("The two PINs were not the same. Choose a new PIN again.")
            return
        if self._changing:
            self._change(pin)
            return
        if pin_is_set(self.conn):  # someone set one meanwhile (kiosk-admin): never overwrite it from here
            self._mode = "check"
            self._show_state()
            self._say("A PIN has been set meanwhile. Type that PIN to continue.")
            return
        try:
            set_pin(self.conn, pin)
        except sqlite3.Error as error:
            self._mode = "new"
            self._show_state()
            self._say(staff_message(error))
            return
        self._mode = "check"
        self._on_unlocked()

    def _change(self, pin: str) -> None:
        try:
            set_pin(self.conn, pin, "change pin")
        except (sqlite3.Error, PinError) as error:
            self._mode = "new"
            self._show_state()
            self._say(staff_message(error) if isinstance(error, sqlite3.Error) else str(error))
            return
        self._on_unlocked()

    def _show_state(self) -> None:
        no_pin = self._mode == "check" and not pin_is_set(self.conn)
        prompts = {
            "check": "No staff PIN yet" if no_pin else "Type the staff PIN",
            "old": "Type the staff PIN you use now",
            "new": f"Choose a {'new ' if self._changing else ''}staff PIN: {MIN_DIGITS} to {MAX_DIGITS} digits",
            "confirm": "Type the new PIN again",
        }
        self._set(self.prompt, prompts[self._mode])
        self.no_pin_help.setVisible(no_pin)
        self.set_pin_button.setVisible(no_pin)
        for button in [*self.digit_buttons.values(), self.ok_button]:
            button.setEnabled(not no_pin)
        self._say("")
        self._show_dots()

    def _show_dots(self) -> None:
        count = len(self._typed)
        self.dots.setText("●" * count if count else "–")
        self.dots.setAccessibleName(f"{count} digit{'' if count == 1 else 's'} typed")

    def _say(self, text: str) -> None:
        self._set(self.message, text)
        self.message.setVisible(bool(text))

    @staticmethod
    def _set(label, text: str) -> None:
        label.setText(text)
        label.setAccessibleName(text)
