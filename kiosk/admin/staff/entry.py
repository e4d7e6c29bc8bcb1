"""The way in: the hidden long press opens the staff area on the PIN pad; the right PIN shows the staff home."""

from kiosk.admin.staff.area import StaffArea
from kiosk.admin.staff.home import StaffHomePage
from kiosk.admin.staff.pin_pad import PinPadPage


def open_staff_area(window) -> StaffArea:
    """Cover the kiosk window with the staff area, asking for the PIN first (or bring an open one forward)."""
    existing = window.findChild(StaffArea)
    if existing is not None:
        existing.raise_()
        return existing
    window.reset_session()
    area = StaffArea(window)
    area.start_at(PinPadPage(area, on_unlocked=lambda: area.start_at(StaffHomePage(area)), on_cancel=area.leave))
    area.show()
    area.raise_()
    return area
