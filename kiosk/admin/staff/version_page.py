"""One version, read-only: what it is, what differs from what patients see now (before and after), restore it."""

import sqlite3

from kiosk.admin.staff.page import StaffPage, local_when
from kiosk.admin.staff.preview import PreviewPage
from kiosk.content.differences import FieldDifference
from kiosk.content.editing import get_draft
from kiosk.content.publishing import PublishResult, differences_from_live, restore_version, version_document
from kiosk.storage.versions import Version
from kiosk.ui.widgets import section, text_label, touch_button

MAX_SHOWN = 60


def restore_detail(conn: sqlite3.Connection) -> str:
    """What a restore or undo also does."""
    detail = "It is kept as a new version, so this can be undone too. A backup is taken first."
    if get_draft(conn).has_changes:
        detail += "\n\nYour unpublished changes will be thrown away."
    return detail


def difference_panel(difference: FieldDifference, number: int):
    """One field that differs: the text patients see now, and the text in version `number`."""
    return section(
        f"{difference.place} – {difference.field}",
        text_label("Now:", "Small"),
        text_label(difference.before, "Body"),
        text_label(f"In version {number}:", "Small"),
        text_label(difference.after, "Body"),
    )


class VersionPage(StaffPage):
    """Nothing here changes the content except Restore, which asks first."""

    def __init__(self, area, version: Version, live: bool):
        super().__init__(area)
        self.version = version
        self.title = f"Version {version.number}"
        by = f", by {version.initials}" if version.initials else ""
        self.column.addWidget(text_label(f"Published {local_when(version.created_at)}{by}.", "Lead"))
        self.column.addWidget(text_label(version.summary, "Body"))
        look = touch_button(f"See version {version.number} as patients would", "Secondary")
        look.clicked.connect(self.open_preview)
        self.column.addWidget(look)
        if live:
            self.column.addWidget(text_label("Patients see this version now.", "Lead"))
        else:
            self._add_differences()
        self.column.addStretch(1)

    def _add_differences(self) -> None:
        found = differences_from_live(self.conn, self.version.number)
        number = self.version.number
        if not found:
            self.column.addWidget(text_label(f"Version {number} holds exactly what patients see now.", "Lead"))
            return
        self.column.addWidget(
            text_label(f"What is different from what patients see now ({len(found)} fields):", "Heading")
        )
        for difference in found[:MAX_SHOWN]:
            self.column.addWidget(difference_panel(difference, number))
        if len(found) > MAX_SHOWN:
            self.column.addWidget(text_label(f"…and {len(found) - MAX_SHOWN} more.", "Body"))
        restore = touch_button(f"Restore version {number}", "Primary")
        restore.clicked.connect(self.ask_to_restore)
        self.column.addWidget(restore)

    def open_preview(self) -> None:
        """The real patient screens showing this version, under a banner."""
        number = self.version.number
        document = self.attempt(lambda: version_document(self.conn, number))
        if document is not None:
            banner = f"VERSION {number} – read only"
            self.area.open(PreviewPage(self.area, document, banner, f"Version {number}"))

    def ask_to_restore(self) -> None:
        """Ask before publishing this version again."""
        number = self.version.number
        self.area.confirm(
            f"Restore version {number}?",
            f"Patients see version {number} again at once ({self.version.summary}). {restore_detail(self.conn)}",
            "Restore",
            self._restore,
        )

    def _restore(self) -> None:
        number = self.version.number
        self.area.run(
            f"Restoring version {number}…", lambda conn: restore_version(conn, number, discard_draft=True), self._done
        )

    def _done(self, result: PublishResult) -> None:
        self.area.content_changed()
        self.area.close_page()
        self.area.page.show_notice(f"Restored. Patients see it now, as version {result.version.number}.")
