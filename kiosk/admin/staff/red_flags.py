"""Editing the warning signs ("See a doctor soon if…"), one per line."""

from typing import Any

from kiosk.admin.staff.fields import ListField
from kiosk.admin.staff.form_page import FormPage
from kiosk.content.editing import get_draft, set_red_flags


class RedFlagsPage(FormPage):
    """The warning signs, in the order patients read them."""

    title = "Edit warning signs"

    def __init__(self, area):
        field = ListField("red_flags", "Warning signs", "One sign per line, in the order patients read them.", 10)
        super().__init__(area, [field], {"red_flags": list(get_draft(area.conn).content.red_flags)})

    def write(self, changes: dict[str, Any]) -> None:
        set_red_flags(self.conn, changes["red_flags"])
