"""Settings that take effect at once (idle times, backups to keep), and a backup on demand."""

from pathlib import Path
from typing import Any

from kiosk.admin.staff.fields import LineField
from kiosk.admin.staff.form_page import FormPage
from kiosk.admin.staff.guidance import refuse_bad_settings
from kiosk.content.publishing import take_backup
from kiosk.content.settings import SPECS, load_settings, save_setting
from kiosk.ui.widgets import section, text_label, touch_button

KEYS = {
    "idle_timeout_seconds": "Seconds without a touch before “Are you still there?”",
    "idle_warning_seconds": "Seconds the “Are you still there?” countdown lasts",
    "backups_to_keep": "Automatic backups to keep",
    "check_after_months": "Months before a clinician's check is due again",
}


class SettingsPage(FormPage):
    """Whole numbers, each checked against its allowed range, with the reason shown next to the field."""

    title = "Settings"
    saved_message = "Saved. The kiosk uses the new settings from now on."

    def __init__(self, area):
        settings = load_settings(area.conn)
        fields = [
            LineField(key, label, f"A whole number from {SPECS[key].minimum} to {SPECS[key].maximum}.")
            for key, label in KEYS.items()
        ]
        values = {key: str(getattr(settings, key)) for key in KEYS}
        super().__init__(area, fields, values, intro="These settings apply at once; they do not need publishing.")
        backup = touch_button("Back up now", "Secondary")
        backup.clicked.connect(self.back_up)
        note = text_label("A backup is also taken by itself before every publish, import and restore.")
        self.column.insertWidget(self.column.count() - 1, section("Backups", note, backup))

    def write(self, changes: dict[str, Any]) -> None:
        refuse_bad_settings(changes)
        for key, value in changes.items():
            save_setting(self.conn, key, value)
        self.area.kiosk.apply_settings()

    def back_up(self) -> None:
        """Take a backup of the whole database now, beside it in the backups folder."""
        self.area.run("Backing up…", lambda conn: take_backup(conn, "staff"), self._backed_up)

    def _backed_up(self, path: Path) -> None:
        self.show_notice(f"Backup saved: {path.name} (in {path.parent}).")
