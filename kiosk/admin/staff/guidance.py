"""Editing the doctor guidance shown on every screen, and the clinic name at the top."""

from typing import Any

from kiosk.admin.staff.fields import LineField, TextField
from kiosk.admin.staff.form_page import FormPage
from kiosk.content.editing import get_draft, set_clinic_name, set_doctor_guidance
from kiosk.content.labels import field_label
from kiosk.content.schema import ContentError, Problem
from kiosk.content.settings import SPECS, SettingError, check_setting


class GuidancePage(FormPage):
    """Two settings that travel with the content (and so go through the draft)."""

    title = "Doctor guidance and clinic name"

    def __init__(self, area):
        draft = get_draft(area.conn)
        fields = [
            LineField(
                "clinic_name",
                "Clinic name",
                f"At the top of every screen. At most "
                f"{SPECS['clinic_name'].max_length} characters; leave empty for the kiosk's own title.",
            ),
            TextField(
                "doctor_guidance", "Doctor guidance", f"{SPECS['doctor_guidance'].help} It cannot be empty.", lines=3
            ),
        ]
        super().__init__(area, fields, {"clinic_name": draft.clinic_name, "doctor_guidance": draft.doctor_guidance})

    def write(self, changes: dict[str, Any]) -> None:
        refuse_bad_settings(changes)
        if "clinic_name" in changes:
            set_clinic_name(self.conn, changes["clinic_name"].strip())
        if "doctor_guidance" in changes:
            set_doctor_guidance(self.conn, changes["doctor_guidance"].strip())


def refuse_bad_settings(changes: dict[str, Any]) -> None:
    """ContentError naming every field whose new value is not allowed (nothing is saved then)."""
    problems = []
    for key, value in changes.items():
        try:
            check_setting(key, value)
        except SettingError as error:
            problems.append(Problem("settings", "", key, setting_message(str(error), key)))
    if problems:
        raise ContentError(problems)


def setting_message(message: str, key: str) -> str:
    """A SettingError's message about this field, without the setting's internal name."""
    label = field_label(key)
    return message.replace(f"{label} ", "This ", 1) if message.startswith(label) else message
