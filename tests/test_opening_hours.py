"""Opening hours: outside them a dark, still screen that wakes on a touch; staff can always get in."""

import datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.content.opening_hours import OpeningHoursError, parse_opening_hours
from kiosk.content.settings import SettingError, save_setting
from kiosk.ui import unattended
from kiosk.ui.navigator import Route

MONDAY_NIGHT = datetime.datetime(2026, 11, 30, 22, 0)
MONDAY_NOON = datetime.datetime(2026, 11, 30, 12, 0)


class Clock:
    """The time of day the kiosk believes it is."""

    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


def test_opening_hours_are_read_as_staff_write_them():
    hours = parse_opening_hours("Mon-Fri 08:00-18:00, Sat 09:00-12:30")
    assert hours.is_open(MONDAY_NOON) and not hours.is_open(MONDAY_NIGHT)
    saturday = datetime.datetime(2026, 12, 5, 12, 15)
    assert hours.is_open(saturday) and not hours.is_open(saturday.replace(hour=13))
    assert not hours.is_open(datetime.datetime(2026, 12, 6, 12, 0))  # Sunday
    assert parse_opening_hours("").is_open(MONDAY_NIGHT)


@pytest.mark.parametrize("text", ["weekdays 8-6", "Mon-Fri 18:00-08:00", "Mon 25:00-26:00", "Fun 08:00-10:00"])
def test_hours_that_cannot_be_read_are_refused_with_an_example(text, db_path):
    with pytest.raises(OpeningHoursError):
        parse_opening_hours(text)
    from kiosk.content.library import Library

    library = Library.open(db_path)
    with pytest.raises(SettingError) as refused:
        save_setting(library.conn, "opening_hours", text)
    library.close()
    assert "08:00" in str(refused.value)


@pytest.fixture
def after_hours(window, db_path):
    """The real window, told the clinic is open weekdays 08:00-18:00, on a Monday night."""
    save_setting(window.library.conn, "opening_hours", "Mon-Fri 08:00-18:00")
    window.apply_settings()
    clock = Clock(MONDAY_NIGHT)
    watch = unattended.start_opening_hours(window, clock)
    return watch, clock


def test_after_hours_the_kiosk_rests_on_a_dark_screen_and_a_touch_wakes_it(window, after_hours, patient, qtbot):
    watch, clock = after_hours
    assert watch.screen.isVisible()
    assert watch.screen.geometry() == window.rect()
    assert unattended.screen_kind(window) == "closed"
    image = watch.screen.grab().toImage()
    assert image.pixelColor(10, 10).name() == "#000000"
    QTest.mouseClick(watch.screen, Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    assert not watch.screen.isVisible()
    assert patient.sees("Worried about hair loss?")
    patient.tap("Tap to start")
    watch.check()  # the patient is using it: never covered mid-way
    assert not watch.screen.isVisible()


def test_it_rests_again_once_the_patient_has_gone(window, after_hours, patient):
    watch, clock = after_hours
    QTest.mouseClick(watch.screen, Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    patient.tap("Tap to start")
    clock.now = MONDAY_NIGHT + datetime.timedelta(minutes=10)
    watch.check()
    assert not watch.screen.isVisible()  # still mid-way
    window.reset_session()  # what the idle reset does when the patient walks away
    watch.check()
    assert watch.screen.isVisible()
    assert window.navigator.history == (Route("start"),)


def test_in_opening_hours_nothing_covers_the_kiosk(window, after_hours):
    watch, clock = after_hours
    clock.now = MONDAY_NOON
    watch.check()
    assert not watch.screen.isVisible()


def test_staff_can_always_get_in(window, after_hours, qtbot):
    from staff_helpers import Staff

    watch, _ = after_hours
    QTest.mouseClick(watch.screen, Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    staff = Staff(qtbot, window)
    staff.unlock()
    watch.check()
    assert not watch.screen.isVisible()
    assert staff.area.isVisible()
    assert unattended.screen_kind(window) == "staff"  # what the heartbeat says: never which page
