"""Importing a content pack: pick the .zip (USB stick or home folder), see what will change, then import."""

import datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from kiosk.admin.staff.import_preview import ImportPreviewPage
from kiosk.admin.staff.page import StaffPage
from kiosk.content.packs import ImportPreview, preview_import
from kiosk.ui.widgets import CardButton, text_label


class ImportPage(StaffPage):
    """A list of the content packs found, as big buttons."""

    title = "Import content pack"

    def __init__(self, area):
        super().__init__(area)
        self.refresh()

    def refresh(self) -> None:
        self.clear_column()
        self.add_place_chooser_top(
            "Put the USB stick in, then tap the content pack (.zip file). You will see "
            "what it changes before anything is imported.",
            "Choose a file…",
            self.choose_with_dialog,
        )
        packs = self.area.places.pack_files()
        if not packs:
            self.column.addWidget(
                text_label("No content packs (.zip files) were found on a USB stick or in the home folder.", "Body")
            )
        for path in packs:
            button = CardButton(path.name, f"{path.parent} · {_modified(path)}", accessible_name=f"Pack {path.name}")
            button.clicked.connect(lambda _=False, chosen=path: self.choose(chosen))
            self.column.addWidget(button)
        self.column.addStretch(1)

    def choose_with_dialog(self) -> None:
        """In a normal window (not kiosk mode): pick a pack with the system's file dialog."""
        name, _ = QFileDialog.getOpenFileName(
            self, "Choose a content pack", str(self.area.places.home), "Content packs (*.zip)"
        )
        if name:
            self.choose(Path(name))

    def choose(self, path: Path) -> None:
        """Check the pack at `path` and show what importing it would change (nothing is changed yet)."""
        self.area.run(
            f"Checking {path.name}…",
            lambda conn: preview_import(conn, path),
            lambda preview: self._show_preview(path, preview),
        )

    def _show_preview(self, path: Path, preview: ImportPreview) -> None:
        self.area.open(ImportPreviewPage(self.area, path, preview))


def _modified(path: Path) -> str:
    try:
        return datetime.datetime.fromtimestamp(path.stat().st_mtime).strftime("%d %b %Y, %H:%M")
    except OSError:
        return ""
