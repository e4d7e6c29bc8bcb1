"""What importing a pack will change (cards and causes added, changed, removed), and the Import button."""

from pathlib import Path

from kiosk.admin.staff.page import StaffPage, local_when
from kiosk.content.changes import ContentChanges
from kiosk.content.packs import ImportPreview, ImportReport, import_pack
from kiosk.ui.widgets import list_section, section, text_label, touch_button


def change_sections(changes: ContentChanges) -> list:
    """One panel per kind of change that happened."""
    panels = []
    changed_cards = tuple(f"{card.name}: {', '.join(card.labels)}" for card in changes.cards_changed)
    for title, entries in (
        ("Cards added", changes.cards_added),
        ("Cards changed", changed_cards),
        ("Cards removed", changes.cards_removed),
        ("Causes added", changes.causes_added),
        ("Causes changed", changes.causes_changed),
        ("Causes removed", changes.causes_removed),
    ):
        if entries:
            panels.append(list_section(title, entries, role="Warning" if "removed" in title else "Section"))
    other = [
        text
        for text, happened in (
            ("The order of the cards", changes.cards_reordered),
            ("The order of the causes", changes.causes_reordered),
            ("The warning signs", changes.red_flags_changed),
            ("The words explained", changes.glossary_changed),
            ("The doctor guidance", "doctor_guidance" in changes.settings_changed),
            ("The clinic name", "clinic_name" in changes.settings_changed),
        )
        if happened
    ]
    if other:
        panels.append(list_section("Also changed", tuple(other)))
    return panels


class ImportPreviewPage(StaffPage):
    """The confirm step of an import: everything it changes, then Import or Cancel."""

    title = "Import content pack"

    def __init__(self, area, path: Path, preview: ImportPreview):
        super().__init__(area)
        self.path = path
        self.preview = preview
        self.column.addWidget(text_label(f"Import {preview.pack_name}?", "Heading"))
        self.column.addWidget(
            text_label(
                f"Made {local_when(preview.created_at)}. Importing it changes what "
                "patients see at once. A backup is taken first.",
                "Lead",
            )
        )
        panels = change_sections(preview.changes)
        if not panels:
            same = "This pack holds exactly what patients see now, so there is nothing to import. Tap Back."
            panels = [section("No changes", text_label(same))]
        for panel in panels:
            self.column.addWidget(panel)
        if preview.has_draft:
            warning = text_label("There are unpublished changes in the editors. Importing throws them away.")
            self.column.addWidget(section("Unpublished changes", warning, role="Warning"))
        self.column.addStretch(1)
        cancel = touch_button("Cancel", "Secondary")
        cancel.clicked.connect(area.close_page)
        self.import_button = touch_button("Import now", "Primary")
        self.import_button.clicked.connect(self.start_import)
        self.import_button.setVisible(not preview.changes.nothing)
        self.add_action_bar(cancel, self.import_button)

    def start_import(self) -> None:
        """Import the pack in the worker; patients see it as soon as it is done."""
        path, discard = self.path, self.preview.has_draft
        self.area.run(
            f"Importing {path.name}…", lambda conn: import_pack(conn, path, discard_draft=discard), self._imported
        )

    def _imported(self, report: ImportReport) -> None:
        self.area.content_changed()
        self.area.back_to_home(f"Imported {self.path.name} as version {report.version.number}. Patients see it now.")
