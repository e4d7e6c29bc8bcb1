"""Every published version with its time and what changed; restore an older one."""

from kiosk.admin.staff.page import StaffPage, local_when
from kiosk.content.editing import get_draft
from kiosk.content.publishing import PublishResult, list_versions, restore_version
from kiosk.storage.versions import Version
from kiosk.ui.widgets import section, text_label, touch_button


class HistoryPage(StaffPage):
    """Newest first; each older version has a Restore button."""

    title = "History"

    def __init__(self, area):
        super().__init__(area)
        self.refresh()

    def refresh(self) -> None:
        self.clear_column()
        versions = list_versions(self.conn)
        if not versions:
            self.column.addWidget(
                text_label("Nothing has been published yet: patients see the content the kiosk came with.", "Lead")
            )
        else:
            self.column.addWidget(
                text_label("Each time content is published, imported or restored, a new version is kept here.", "Lead")
            )
        for index, version in enumerate(versions):
            self.column.addWidget(self._version_panel(version, newest=index == 0))
        self.column.addStretch(1)

    def _version_panel(self, version: Version, newest: bool):
        heading = f"Version {version.number} · {local_when(version.created_at)}"
        widgets = [text_label(version.summary)]
        if newest:
            widgets.append(text_label("Patients see this version now.", "Small"))
        else:
            restore = touch_button(f"Restore version {version.number}", "Secondary")
            restore.clicked.connect(lambda: self.ask_to_restore(version))
            widgets.append(restore)
        return section(heading, *widgets)

    def ask_to_restore(self, version: Version) -> None:
        """Ask before publishing an older version again."""
        detail = (
            f"Patients see version {version.number} again at once ({version.summary}). It is kept as a new "
            "version, so this can be undone from here. A backup is taken first."
        )
        if get_draft(self.conn).has_changes:
            detail += "\n\nYour unpublished changes will be thrown away."
        self.area.confirm(f"Restore version {version.number}?", detail, "Restore", lambda: self._restore(version))

    def _restore(self, version: Version) -> None:
        self.area.run(
            f"Restoring version {version.number}…",
            lambda conn: restore_version(conn, version.number, discard_draft=True),
            self._restored,
        )

    def _restored(self, result: PublishResult) -> None:
        self.area.content_changed()
        self.refresh()
        self.show_notice(f"Restored. Patients see it now, as version {result.version.number}.")
