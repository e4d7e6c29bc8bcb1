"""The staff area on the real window: the hidden way in, the PIN pad, the staff home, and the way out.

`Staff` (here) is a staff member at the kiosk; the other test_staff_* files use it too.
"""

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea

from kiosk.admin.staff.area import StaffArea
from kiosk.admin.staff.home import StaffHomePage
from kiosk.admin.staff.pin_pad import PinPadPage
from kiosk.content.pin import pin_is_set, set_pin
from kiosk.storage.audit import read_audit_log
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


def test_holding_the_doctor_picture_for_three_seconds_opens_the_pin_pad(window, qtbot):
    corner = window.frame.staff_corner
    with qtbot.waitSignal(window.staff_requested, timeout=5000):
        qtbot.mousePress(corner, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.mouseRelease(corner, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    staff = Staff(qtbot, window)
    qtbot.waitUntil(lambda: staff.area is not None and staff.area.isVisible())
    assert isinstance(staff.area.page, PinPadPage)
    assert staff.area.geometry() == window.rect()


def test_without_a_pin_the_pad_says_how_to_set_one_and_sets_one_on_the_pad(window, qtbot):
    staff = Staff(qtbot, window)
    staff.open()
    assert staff.sees("kiosk-admin set-pin")
    assert not staff.button("OK").isEnabled()
    staff.tap("Set a PIN now")
    staff.wait_to_see("4 to 8 digits")
    staff.type_pin("13")
    staff.wait_to_see("A PIN has 4 to 8 digits")
    staff.type_pin("135790")
    staff.wait_to_see("Type the new PIN again")
    assert "135790" not in " ".join(staff.texts()), "the pad must show dots, never the digits"
    staff.type_pin("135790")
    qtbot.waitUntil(lambda: isinstance(staff.area.page, StaffHomePage))
    assert pin_is_set(window.library.conn)
    staff.tap("Back to patient screens")
    qtbot.waitUntil(lambda: staff.area is None)
    staff.open()
    assert not staff.sees("kiosk-admin set-pin")
    staff.type_pin("135790")
    qtbot.waitUntil(lambda: isinstance(staff.area.page, StaffHomePage))


def test_five_wrong_pins_lock_the_pad_and_say_until_when(window, qtbot):
    set_pin(window.library.conn, PIN)
    staff = Staff(qtbot, window)
    staff.open()
    for tries_left in (4, 3, 2):
        staff.type_pin("1111")
        staff.wait_to_see(f"{tries_left} tries left")
    staff.type_pin("1111")
    staff.wait_to_see("1 try left")
    staff.type_pin("1111")
    staff.wait_to_see("locked for 5 minutes, until ")
    staff.type_pin(PIN)  # even the right PIN waits out the lock
    staff.wait_to_see("locked for 5 minutes, until ")
    assert isinstance(staff.area.page, PinPadPage)
    assert read_audit_log(window.library.conn)[0].action == "pin locked"


def test_the_staff_home_shows_the_tasks_and_recent_actions(window, qtbot):
    staff = Staff(qtbot, window)
    staff.unlock()
    for task in (
        "Edit cards",
        "Edit causes",
        "Edit warning signs",
        "Doctor guidance and clinic name",
        "Settings",
        "Preview draft",
        "Publish",
        "Discard draft",
        "History",
        "Import content pack",
        "Export content pack",
        "Back to patient screens",
    ):
        assert staff.has_button(task), task
    assert staff.sees("Recent staff actions")
    assert staff.sees("Set the staff PIN")
    assert staff.sees("No unpublished changes")
    staff.tap("Publish")
    staff.wait_to_see("There are no unpublished changes to publish.")


def test_patients_idle_reset_waits_while_staff_work_and_the_staff_area_times_out(window, qtbot):
    staff = Staff(qtbot, window)
    staff.unlock()
    assert not any(timer.isActive() for timer in window.idle.findChildren(QTimer))
    staff.area.staff_timeout.start(50)
    qtbot.waitUntil(lambda: staff.area is None, timeout=3000)
    assert any(timer.isActive() for timer in window.idle.findChildren(QTimer))
    assert window.current_screen().isVisible()


def test_exit_kiosk_is_offered_only_in_kiosk_mode_and_asks_first(window, qtbot):
    staff = Staff(qtbot, window)
    staff.unlock()
    assert not staff.has_button("Exit kiosk")
    staff.tap("Back to patient screens")
    qtbot.waitUntil(lambda: staff.area is None)
    window.lock_down()
    qtbot.waitUntil(window.isFullScreen)
    staff.unlock()
    staff.tap("Exit kiosk")
    assert staff.sees("Exit the kiosk?")
    staff.tap("Stay in the kiosk")
    assert window.isVisible()
    staff.tap("Exit kiosk")
    staff.tap("Exit kiosk")  # the confirm panel's button
    qtbot.waitUntil(lambda: not window.isVisible())
    assert not window.locked


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_staff_pages_have_finger_sized_targets_and_readable_text(window, qtbot, size):
    from kiosk.admin.staff.card_editor import CardEditorPage
    from kiosk.admin.staff.card_list import CardListPage
    from kiosk.admin.staff.history import HistoryPage
    from kiosk.admin.staff.import_page import ImportPage
    from kiosk.admin.staff.settings_page import SettingsPage

    window.resize(*size)
    set_pin(window.library.conn, PIN)
    staff = Staff(qtbot, window)
    staff.open()
    pages = [lambda: None, lambda: staff.type_pin(PIN)]
    pages += [
        lambda cls=cls: staff.area.open(cls(staff.area))
        for cls in (CardListPage, SettingsPage, HistoryPage, ImportPage)
    ]
    pages.append(lambda: staff.area.open(CardEditorPage(staff.area, window.content.treatments[0])))
    for show in pages:
        show()
        page = staff.area.page
        qtbot.waitUntil(lambda page=page: page.isVisible())
        for button in staff.buttons():
            name = (type(page).__name__, button.accessibleName())
            assert button.height() >= 60 and button.width() >= 60, name
            if button.text():
                assert button.width() >= button.sizeHint().width(), ("text cut off", *name)
                assert button.fontInfo().pixelSize() >= 20, name
            assert button.mapTo(window, button.rect().topRight()).x() <= window.width(), name
        for label in staff.area.findChildren(QLabel):
            if label.isVisibleTo(staff.area) and label.text():
                assert label.fontInfo().pixelSize() >= 20, (type(page).__name__, label.text()[:40])
