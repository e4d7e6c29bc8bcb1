"""Settings that take effect at once (idle times, backups to keep), and a backup on demand."""

from pathlib import Path
from typing import Any

from kiosk.admin.staff.fields import LineField
from kiosk.admin.staff.form_page import FormPage
from kiosk.admin.staff.guidance import refuse_bad_settings
from kiosk.admin.staff.pin_pad import PinPadPage
from kiosk.admin.staff.restore_page import RestorePage
from kiosk.content.labels import duration
from kiosk.content.publishing import back_up_now
from kiosk.content.settings import SPECS, describe_value, load_settings, save_setting
from kiosk.ui.widgets import section, text_label, touch_button

PIN_CHANGED = "The staff PIN is changed. Use the new PIN from now on."
KEYS = {
    "idle_timeout_seconds": "Seconds without a touch before “Are you still there?”",
    "idle_warning_seconds": "Seconds the “Are you still there?” countdown lasts",
    "backups_to_keep": "Automatic backups to keep",
    "check_after_months": "Months before a clinician's check is due again",
    "within_reach": "Buttons within reach of a seated person on a portrait screen (1: yes, 0: no)",
}


class SettingsPage(FormPage):
    """Whole numbers, each checked against its allowed range, with the reason shown next to the field."""

    title = "Settings"
    saved_message = "Saved. The kiosk uses the new settings from now on."

    def __init__(self, area):
        settings = load_settings(area.conn)
        fields = [LineField(key, label, _range_hint(key)) for key, label in KEYS.items()]
        values = {key: str(getattr(settings, key)) for key in KEYS}
        super().__init__(area, fields, values, intro="These settings apply at once; they do not need publishing.")
        backup = touch_button("Back up now", "Secondary")
        backup.clicked.connect(self.back_up)
        note = text_label("A backup is also taken by itself before every publish, import and restore.")
        restore = touch_button("Restore a backup", "Secondary")
        restore.clicked.connect(lambda: self.area.open(RestorePage(self.area)))
        self.column.insertWidget(self.column.count() - 1, section("Backups", note, backup, restore))
        change_pin = touch_button("Change the staff PIN", "Secondary")
        change_pin.clicked.connect(self.open_pin_change)
        pin_note = text_label("You type the PIN you use now first, then the new PIN twice.")
        self.column.insertWidget(self.column.count() - 1, section("Staff PIN", pin_note, change_pin))

    def open_pin_change(self) -> None:
        """The PIN pad, asking for the PIN in use before the new one."""
        area = self.area
        pad = PinPadPage(area, lambda: area.back_to_home(PIN_CHANGED), area.close_page, changing=True)
        area.open(pad)

    def write(self, changes: dict[str, Any]) -> None:
        refuse_bad_settings(changes)
        for key, value in changes.items():
            save_setting(self.conn, key, value)
        self.area.kiosk.apply_settings()
        self.saved_message = "Saved. The kiosk uses the new settings from now on: " + "; ".join(
            f"{KEYS[key]}: {describe_value(key, int(value))}" for key, value in changes.items()
        )

    def back_up(self) -> None:
        """Take a backup of the whole database now, beside it in the backups folder."""
        self.area.run("Backing up…", back_up_now, self._backed_up)

    def _backed_up(self, path: Path) -> None:
        self.show_notice(f"Backup saved: {path.name} (in {path.parent}).")


def _range_hint(key: str) -> str:
    spec = SPECS[key]
    if not key.endswith("_seconds"):
        return f"A whole number from {spec.minimum} to {spec.maximum}."
    return (
        f"In seconds, from {spec.minimum} to {spec.maximum} ({duration(spec.maximum)}). "
        f"For example 90 is {duration(90)}."
    )
