"""Restoring a backup on the kiosk: the automatic backups and any on a USB stick, each checked before use."""

import datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from kiosk.admin.staff.page import StaffPage
from kiosk.content.settings import load_settings
from kiosk.storage.audit import record_action
from kiosk.storage.backup import automatic_backups, default_backup_dir, restore_from
from kiosk.ui.widgets import CardButton, section, text_label

REASONS = {
    "before-import": "taken before an import",
    "before-publish": "taken before a publish",
    "before-restore": "taken before a restore",
    "staff": "taken with Back up now",
    "manual": "taken with kiosk-admin backup",
}


def describe_backup(path: Path) -> str:
    """When a backup was made and why, in words."""
    try:
        when = datetime.datetime.fromtimestamp(path.stat().st_mtime).strftime("%d %b %Y, %H:%M")
    except OSError:
        when = ""
    reason = next((words for key, words in REASONS.items() if key in path.name), "")
    if "before-rollback" in path.name:
        reason = "taken before a version was restored"
    return " · ".join(part for part in (when, reason) if part)


def restore_backup(conn, path: Path) -> Path:
    """Restore `path` over the database (after saving it as it is), and record it; the safety copy."""
    safety = restore_from(conn, path, keep=load_settings(conn).backups_to_keep)
    record_action(conn, "restore backup", path.name)
    return safety


class RestorePage(StaffPage):
    """Tap a backup, confirm, and the whole database (content, versions, settings, PIN) is as it was then."""

    title = "Restore a backup"

    def __init__(self, area):
        super().__init__(area)
        self.refresh()

    def refresh(self) -> None:
        self.clear_column()
        self.add_place_chooser_top(
            "Tap a backup to put back everything as it was then: content, versions, settings and the staff "
            "PIN. The database as it is now is saved first, so this can be undone.",
            "Choose a file…",
            self.choose_with_dialog,
        )
        own = automatic_backups(default_backup_dir(self.conn))
        others = [path for path in self.area.places.backup_files() if path not in own]
        for title, paths in (("Automatic backups on this kiosk", own), ("Backups on a USB stick", others)):
            buttons = [self._button(path) for path in paths]
            self.column.addWidget(section(title, *(buttons or [text_label("None found.", "Body")])))
        self.column.addStretch(1)

    def _button(self, path: Path) -> CardButton:
        button = CardButton(path.name, describe_backup(path), accessible_name=f"Backup {path.name}")
        button.clicked.connect(lambda _=False, chosen=path: self.ask_to_restore(chosen))
        return button

    def choose_with_dialog(self) -> None:
        """In a normal window (not kiosk mode): pick a backup with the system's file dialog."""
        name, _ = QFileDialog.getOpenFileName(self, "Choose a backup", str(self.area.places.home), "Backups (*.db)")
        if name:
            self.ask_to_restore(Path(name))

    def ask_to_restore(self, path: Path) -> None:
        """Ask before replacing everything with a backup."""
        self.area.confirm(
            "Restore this backup?",
            f"{path.name} ({describe_backup(path)}). Content, versions, settings and the staff PIN go back to "
            "how they were then; unpublished changes made since are lost. The database as it is now is saved "
            "first, so this can be undone.",
            "Restore backup",
            lambda: self.area.run(f"Restoring {path.name}…", lambda conn: restore_backup(conn, path), self._done),
        )

    def _done(self, safety: Path) -> None:
        self.area.kiosk.apply_settings()
        self.area.content_changed()
        self.refresh()
        self.show_notice(
            f"Restored. Patients see the content from the backup now. The database as it was is saved as {safety.name}."
        )
