"""The staff screens on the kiosk itself: PIN pad, staff home, editors, preview, publish, history, packs.

Reached by holding the doctor picture (bottom left) for three seconds; kiosk.app connects the window's
`staff_requested` to `open_staff_area`. One screen per module; slow work runs in kiosk.admin.staff.operations.
"""

from kiosk.admin.staff.entry import open_staff_area

__all__ = ["open_staff_area"]
