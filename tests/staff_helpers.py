"""A staff member at the real kiosk window: opens the staff area, types the PIN, reads and taps."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea

from kiosk.admin.staff.area import StaffArea
from kiosk.admin.staff.home import StaffHomePage
from kiosk.content.pin import pin_is_set, set_pin
from kiosk.ui.painted import PaintedButton

PIN = "2468"


class Staff:
    """Someone from the clinic at the kiosk: opens the staff area, reads it and taps its buttons."""

    def __init__(self, qtbot, window):
        self.qtbot = qtbot
        self.window = window

    @property
    def area(self) -> StaffArea | None:
        return self.window.findChild(StaffArea)

    def open(self) -> None:
        """What the three-second press on the doctor picture does (tested for real once, below)."""
        self.window.staff_requested.emit()
        self.qtbot.waitUntil(lambda: self.area is not None and self.area.isVisible())

    def unlock(self, pin: str = PIN) -> None:
        """Open the staff area and type the PIN (setting it first if there is none)."""
        if not pin_is_set(self.window.library.conn):
            set_pin(self.window.library.conn, pin)
        self.open()
        self.type_pin(pin)
        self.qtbot.waitUntil(lambda: isinstance(self.area.page, StaffHomePage))

    def type_pin(self, pin: str) -> None:
        for digit in pin:
            self.tap(digit)
        self.tap("OK")

    def _scope(self):
        for panel in (self.area.progress, self.area.confirm_panel):
            if panel.isVisible():
                return panel
        return self.area

    def buttons(self) -> list[QAbstractButton]:
        scope = self._scope()
        return [b for b in scope.findChildren(QAbstractButton) if b.isVisibleTo(scope)]

    def button(self, name: str) -> QAbstractButton:
        """The visible button called `name` (exactly), waiting for it to appear."""

        def matching():
            return [b for b in self.buttons() if b.accessibleName() == name]

        try:
            self.qtbot.waitUntil(lambda: len(matching()) == 1, timeout=2000)
        except Exception:
            names = [b.accessibleName() for b in self.buttons()]
            raise AssertionError(f"no single button '{name}'; buttons: {names}") from None
        return matching()[0]

    def has_button(self, name: str) -> bool:
        return any(b.accessibleName() == name for b in self.buttons())

    def tap(self, name: str) -> None:
        """Scroll the button into view and tap it."""
        button = self.button(name)
        assert button.isEnabled(), f"'{name}' is greyed out"
        parent = button.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(button, 0, 0)
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(button.width() // 2, button.height() // 2))

    def texts(self) -> list[str]:
        """Every text on show: labels, and the words a button draws itself (a card button's title and detail)."""
        scope = self._scope()
        shown = [label.text() for label in scope.findChildren(QLabel) if label.isVisibleTo(scope) and label.text()]
        painted = [b for b in scope.findChildren(PaintedButton) if b.isVisibleTo(scope)]
        return shown + ["\n".join(block.text for block in button.blocks.blocks) for button in painted]

    def sees(self, text: str) -> bool:
        return any(text in shown for shown in self.texts())

    def wait_to_see(self, text: str, timeout: int = 5000) -> None:
        try:
            self.qtbot.waitUntil(lambda: self.sees(text), timeout=timeout)
        except Exception:
            raise AssertionError(f"'{text}' never showed; on screen: {self.texts()}") from None

    def finish_operation(self, tap: str) -> bool:
        """Tap `tap`, which starts slow work, and wait for it; whether it worked and the progress bar showed."""
        shown = []

        def started(_label):
            shown.append(self.area.progress.isVisible())

        self.area.operations.started.connect(started)
        with self.qtbot.waitSignal(self.area.operations.finished, timeout=10_000) as finished:
            self.tap(tap)
        self.area.operations.started.disconnect(started)
        assert shown == [True], "the progress panel did not show while the work ran"
        assert not self.area.progress.isVisible()
        return finished.args[0]
