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
        steps = ListField("next_steps", "What to do next", "One step per line, in order, with a time frame.")
        content = get_draft(area.conn).content
        values = {"red_flags": list(content.red_flags), "next_steps": list(content.red_flags_page.next_steps)}
        super().__init__(area, [field, steps], values)

    def write(self, changes: dict[str, Any]) -> None:
        values = self.form.values()
        set_red_flags(self.conn, values["red_flags"], values["next_steps"])
