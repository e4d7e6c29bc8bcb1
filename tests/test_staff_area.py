"""The staff area on the real window: the hidden way in, the PIN pad, the staff home, and the way out.

`Staff` (tests/staff_helpers.py) is a staff member at the kiosk; the `staff` fixture (conftest) unlocks.
"""

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QLabel
from staff_helpers import PIN, Staff

from kiosk.admin.staff.home import StaffHomePage
from kiosk.admin.staff.pin_pad import PinPadPage
from kiosk.content.pin import pin_is_set, set_pin
from kiosk.storage.audit import read_audit_log


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
