"""The staff home: what state the content is in, what staff did lately, and a button for every task."""

from PySide6.QtWidgets import QPushButton

from kiosk.admin.staff.audit_page import AuditPage, audit_line
from kiosk.admin.staff.card_list import CardListPage
from kiosk.admin.staff.cause_list import CauseListPage
from kiosk.admin.staff.export_page import ExportPage
from kiosk.admin.staff.glossary_page import GlossaryPage
from kiosk.admin.staff.guidance import GuidancePage
from kiosk.admin.staff.history import HistoryPage
from kiosk.admin.staff.import_page import ImportPage
from kiosk.admin.staff.insights import InsightsPage
from kiosk.admin.staff.page import StaffPage, local_when
from kiosk.admin.staff.preview import PreviewPage
from kiosk.admin.staff.publish_page import PublishPage
from kiosk.admin.staff.red_flags import RedFlagsPage
from kiosk.admin.staff.settings_page import SettingsPage
from kiosk.admin.staff.sign_off_page import SignOffListPage, due_summary
from kiosk.content.editing import discard_draft, draft_changes, get_draft
from kiosk.content.fleet_health import staff_lines
from kiosk.content.publish_check import PublishCheck, check_before_publishing
from kiosk.content.publishing import list_versions
from kiosk.storage.audit import read_audit_log
from kiosk.ui.widgets import ResponsiveColumns, section, text_label, touch_button

RECENT_ACTIONS = 8


def live_version_line(conn) -> str:
    """Which version patients see now, and when it was published."""
    versions = list_versions(conn)
    if not versions:
        return "Patients see the content the kiosk came with (nothing has been published yet)."
    live = versions[0]
    by = f" by {live.initials}" if getattr(live, "initials", "") else ""
    return f"Patients see version {live.number}, published {local_when(live.created_at)}{by}: {live.summary}"


class StaffHomePage(StaffPage):
    """Every staff task, one tap away."""

    title = "Staff area"

    def __init__(self, area):
        super().__init__(area)
        self.refresh()

    def refresh(self) -> None:
        self.clear_column()
        draft = get_draft(self.conn)
        self.column.addWidget(text_label(draft.clinic_name or "Staff area", "Heading"))
        if not draft.clinic_name:
            self.column.addWidget(
                text_label("No clinic name is set yet (see Doctor guidance and clinic name).", "Body")
            )
        recovery = self.area.kiosk.library.recovery
        if recovery is not None:
            notice = text_label(recovery.describe())
            self.column.addWidget(section("The database was repaired at start", notice, role="Warning"))
        if draft.has_changes:
            status = f"Not yet published: {draft_changes(self.conn).summary()}. Patients see these after you publish."
        else:
            status = "No unpublished changes: patients see the content exactly as it is in the editors."
        self.column.addWidget(text_label(live_version_line(self.conn), "Lead"))
        self.column.addWidget(text_label(status, "Lead"))
        for line in staff_lines(self.conn):  # content version, signer, and packs the watched folder left alone
            self.column.addWidget(text_label(line, "Body"))
        due_line, due_items = due_summary(self.conn)
        if due_items:
            self.column.addWidget(section("Due for a clinician's check", text_label("\n".join([due_line, *due_items]))))
        self.column.addWidget(ResponsiveColumns(self._buttons(), 1000))
        self.column.addWidget(self._recent_actions())
        self.column.addStretch(1)

    def _buttons(self) -> list[QPushButton]:
        area = self.area
        tasks = [
            ("Edit cards", "Secondary", lambda: area.open(CardListPage(area))),
            ("Edit causes", "Secondary", lambda: area.open(CauseListPage(area))),
            ("Edit warning signs", "Secondary", lambda: area.open(RedFlagsPage(area))),
            ("Clinician checks", "Secondary", lambda: area.open(SignOffListPage(area))),
            ("Edit words explained", "Secondary", lambda: area.open(GlossaryPage(area))),
            ("Doctor guidance and clinic name", "Secondary", lambda: area.open(GuidancePage(area))),
            ("Preview draft", "Secondary", lambda: area.open(PreviewPage(area))),
            ("Publish", "Primary", self.ask_to_publish),
            ("Discard draft", "Alert", self.ask_to_discard),
            ("History", "Secondary", lambda: area.open(HistoryPage(area))),
            ("Import content pack", "Secondary", lambda: area.open(ImportPage(area))),
            ("Export content pack", "Secondary", lambda: area.open(ExportPage(area))),
            ("Settings", "Secondary", lambda: area.open(SettingsPage(area))),
            ("Visit counts", "Secondary", lambda: area.open(InsightsPage(area))),
            ("Back to patient screens", "Secondary", area.leave),
        ]
        if area.kiosk.locked:
            tasks.append(("Exit kiosk", "Alert", self.ask_to_exit))
        buttons = []
        for text, role, action in tasks:
            button = touch_button(text, role)
            button.clicked.connect(lambda _=False, run=action: run())
            buttons.append(button)
        return buttons

    def _recent_actions(self):
        lines = [audit_line(entry) for entry in read_audit_log(self.conn, RECENT_ACTIONS)]
        every = touch_button("See every staff action", "Secondary")
        every.clicked.connect(lambda: self.area.open(AuditPage(self.area)))
        return section("Recent staff actions", text_label("\n".join(lines) or "None yet.", "Body"), every)

    def ask_to_publish(self) -> None:
        """Check the draft (off the GUI thread), then show what publishing would change and any problems."""
        if not get_draft(self.conn).has_changes:
            self.show_notice("There are no unpublished changes to publish.", "info")
            return
        self.area.run("Checking the changes…", check_before_publishing, self._checked)

    def _checked(self, check: PublishCheck) -> None:
        self.area.open(PublishPage(self.area, check))

    def ask_to_discard(self) -> None:
        """Ask before throwing the draft away."""
        if not get_draft(self.conn).has_changes:
            self.show_notice("There are no unpublished changes to discard.", "info")
            return
        self.area.confirm(
            "Discard every unpublished change?",
            f"{draft_changes(self.conn).summary()}.\n\nThis cannot be undone. Patients keep seeing what they see now.",
            "Discard changes",
            self._discard,
            no_text="Keep them",
        )

    def _discard(self) -> None:
        if self.attempt(lambda: discard_draft(self.conn)) is None:
            return
        self.refresh()
        self.show_notice("The unpublished changes were thrown away.")

    def ask_to_exit(self) -> None:
        """Ask before leaving kiosk mode (patients then see the computer's desktop)."""
        self.area.confirm(
            "Exit the kiosk?",
            "The kiosk closes and the computer's desktop shows. Start it again with the kiosk command.",
            "Exit kiosk",
            self._exit,
            no_text="Stay in the kiosk",
        )

    def _exit(self) -> None:
        kiosk = self.area.kiosk
        self.area.leave()
        kiosk.quit_by_staff()
