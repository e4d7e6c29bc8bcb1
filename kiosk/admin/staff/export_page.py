"""Exporting the published content as a pack: tap a USB stick (or the home folder) to save it there."""

import datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from kiosk.admin.staff.page import StaffPage
from kiosk.content.packs import export_pack
from kiosk.ui.widgets import CardButton


def pack_name(folder: Path, now: datetime.datetime | None = None) -> Path:
    """A new file name in `folder` like kiosk-content-20261125-1152.zip."""
    now = now or datetime.datetime.now()
    path, number = folder / f"kiosk-content-{now:%Y%m%d-%H%M}.zip", 1
    while path.exists():
        number += 1
        path = folder / f"kiosk-content-{now:%Y%m%d-%H%M}-{number}.zip"
    return path


class ExportPage(StaffPage):
    """Places to save the pack, as big buttons."""

    title = "Export content pack"

    def __init__(self, area):
        super().__init__(area)
        self.refresh()

    def refresh(self) -> None:
        self.clear_column()
        self.add_place_chooser_top(
            "Put a USB stick in, then tap where to save the content pack. It holds "
            "what patients see now (not unpublished changes).",
            "Choose a folder…",
            self.choose_with_dialog,
        )
        places = self.area.places
        for folder in places.export_folders():
            title = "Home folder" if folder == places.home else f"USB stick {folder.name}"
            button = CardButton(title, str(folder), accessible_name=f"Save to {title}")
            button.clicked.connect(lambda _=False, chosen=folder: self.export_to(chosen))
            self.column.addWidget(button)
        self.column.addStretch(1)

    def choose_with_dialog(self) -> None:
        """In a normal window (not kiosk mode): pick a folder with the system's dialog."""
        name = QFileDialog.getExistingDirectory(self, "Save the content pack in", str(self.area.places.home))
        if name:
            self.export_to(Path(name))

    def export_to(self, folder: Path) -> None:
        """Save a new pack in `folder`, in the worker."""
        path = pack_name(folder)
        self.area.run("Saving the content pack…", lambda conn: export_pack(conn, path), self._exported)

    def _exported(self, path: Path) -> None:
        self.show_notice(f"Saved {path.name} in {path.parent}. You can take the USB stick out now.")
