"""The staff audit log on screen: every staff action, newest first, in plain words."""

from kiosk.admin.staff.page import StaffPage, local_when
from kiosk.content.labels import action_words, plain_ids
from kiosk.storage.audit import AuditEntry, read_audit_log
from kiosk.ui.widgets import text_label

SHOWN = 200


def audit_line(entry: AuditEntry) -> str:
    """One staff action as staff read it: local time, what, and the detail."""
    detail = f": {plain_ids(entry.detail)}" if entry.detail else ""
    return f"{local_when(entry.at)}  {action_words(entry.action)}{detail}"


class AuditPage(StaffPage):
    """What staff did on this kiosk and with kiosk-admin; nothing about patients is ever recorded."""

    title = "Staff actions"

    def __init__(self, area):
        super().__init__(area)
        self.refresh()

    def refresh(self) -> None:
        self.clear_column()
        self.column.addWidget(
            text_label(
                "Everything staff did, newest first: publishing, imports, exports, restores, backups, settings, "
                "PIN changes and wrong PINs. Nothing about patients is recorded.",
                "Lead",
            )
        )
        entries = read_audit_log(self.conn, SHOWN)
        for entry in entries:
            self.column.addWidget(text_label(audit_line(entry), "Body"))
        if not entries:
            self.column.addWidget(text_label("Nothing has been recorded yet.", "Body"))
        self.column.addStretch(1)
