"""Every published version with its time, who published it and what changed; open, compare, restore, undo."""

from kiosk.admin.staff.page import StaffPage, local_when
from kiosk.admin.staff.version_page import VersionPage, restore_detail
from kiosk.content.publishing import PublishResult, list_versions, undo_last_publish
from kiosk.storage.versions import Version
from kiosk.ui.widgets import section, text_label, touch_button


def version_heading(version: Version) -> str:
    """ "Version 3 · Mon 30 Nov, 09:12 · by AB"."""
    by = f" · by {version.initials}" if version.initials else ""
    return f"Version {version.number} · {local_when(version.created_at)}{by}"


class HistoryPage(StaffPage):
    """Newest first. "Undo last publish" at the top; every older version can be opened, compared and restored."""

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
                text_label(
                    "Each time content is published, imported or restored, a new version is kept here. Open one "
                    "to see it as patients would and what is different from now.",
                    "Lead",
                )
            )
        if len(versions) >= 2:
            undo = touch_button("Undo last publish", "Primary")
            undo.clicked.connect(lambda: self.ask_to_undo(versions[0], versions[1]))
            self.column.addWidget(undo)
        for index, version in enumerate(versions):
            self.column.addWidget(self._version_panel(version, live=index == 0))
        self.column.addStretch(1)

    def _version_panel(self, version: Version, live: bool):
        widgets = [text_label(version.summary)]
        if live:
            widgets.append(text_label("Patients see this version now.", "Small"))
        opened = touch_button(f"Open version {version.number}", "Secondary")
        opened.clicked.connect(lambda: self.area.open(VersionPage(self.area, version, live)))
        widgets.append(opened)
        return section(version_heading(version), *widgets)

    def ask_to_undo(self, live: Version, before: Version) -> None:
        """Ask before showing the version before the live one again."""
        self.area.confirm(
            f"Undo version {live.number}?",
            f"Version {live.number} ({live.summary}) is taken back: patients see version {before.number} again at "
            f"once. {restore_detail(self.conn)}",
            "Undo last publish",
            self._undo,
        )

    def _undo(self) -> None:
        self.area.run("Undoing the last publish…", lambda conn: undo_last_publish(conn, discard_draft=True), self._done)

    def _done(self, result: PublishResult) -> None:
        self.area.content_changed()
        self.refresh()
        self.show_notice(f"Undone. Patients see the content as before, as version {result.version.number}.")
