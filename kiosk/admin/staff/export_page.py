"""Exporting the published content as a pack: tap a USB stick (or the home folder) to save it there."""

import datetime
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog

from kiosk.admin.staff.page import StaffPage
from kiosk.admin.staff.sticks import ExportPlace, flush_to_disk
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
        self.column.addStretch(1)
        places = self.area.places
        # Asking about mounted volumes can block on a failing stick: never on the GUI thread.
        QTimer.singleShot(
            0,
            self,
            lambda: self.area.run("Looking for USB sticks…", lambda _: places.export_places(), self._show_places),
        )

    def _show_places(self, found: list[ExportPlace]) -> None:
        for place in found:
            button = CardButton(place.title, str(place.folder), accessible_name=f"Save to {place.title}")
            button.clicked.connect(lambda _=False, chosen=place: self.export_to(chosen))
            self.column.insertWidget(self.column.count() - 1, button)

    def choose_with_dialog(self) -> None:
        """In a normal window (not kiosk mode): pick a folder with the system's dialog."""
        name = QFileDialog.getExistingDirectory(self, "Save the content pack in", str(self.area.places.home))
        if name:
            self.export_to(ExportPlace(Path(name), name, removable=False))

    def export_to(self, place: ExportPlace) -> None:
        """Save a new pack there, in the worker: the file is synced, then its folder, before success is said."""
        path = pack_name(place.folder)

        def work(conn):
            saved = export_pack(conn, path)
            flush_to_disk(saved)
            return saved

        self.area.run("Saving the content pack…", work, lambda saved: self._exported(saved, place))

    def _exported(self, path: Path, place: ExportPlace) -> None:
        if place.removable:
            self.show_notice(
                f"Saved {path.name} on {place.title}. It is completely written to the stick: you can take the "
                "stick out now."
            )
        else:
            self.show_notice(f"Saved {path.name} in {path.parent}.")
