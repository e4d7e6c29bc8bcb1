"""The publish step: everything that will change, every writing problem to look at, optional initials, confirm."""

from kiosk.admin.staff.fields import LineField
from kiosk.admin.staff.import_preview import change_sections
from kiosk.admin.staff.page import StaffPage
from kiosk.content.publish_check import PublishCheck
from kiosk.content.publishing import PublishResult, publish
from kiosk.ui.widgets import list_section, section, text_label, touch_button

MAX_ISSUES_SHOWN = 40


class PublishPage(StaffPage):
    """Nothing is published until staff tap "Publish now" (or "Publish anyway" when there are problems)."""

    title = "Publish"
    wants_keyboard = True

    def __init__(self, area, check: PublishCheck):
        super().__init__(area)
        self.check = check
        self.column.addWidget(text_label("Publish these changes?", "Heading"))
        self.column.addWidget(
            text_label("Patients see them at once. A backup is taken first, and History can undo it.", "Lead")
        )
        for panel in change_sections(check.changes):
            self.column.addWidget(panel)
        if check.issues:
            self.column.addWidget(self._issues_panel())
        self.initials = LineField("initials", "Your initials (optional)", "Shown in the history beside this version.")
        self.initials.input.setMaxLength(4)
        self.column.addWidget(self.initials)
        self.column.addStretch(1)
        cancel = touch_button("Cancel", "Secondary")
        cancel.clicked.connect(area.close_page)
        self.publish_button = touch_button("Publish anyway" if check.issues else "Publish now", "Primary")
        self.publish_button.clicked.connect(self.start_publish)
        self.add_action_bar(cancel, self.publish_button)

    def _issues_panel(self):
        issues = self.check.issues
        lines = tuple(str(issue) for issue in issues[:MAX_ISSUES_SHOWN])
        if len(issues) > MAX_ISSUES_SHOWN:
            lines += (f"…and {len(issues) - MAX_ISSUES_SHOWN} more.",)
        advice = text_label(
            "Patients may find these hard to read or misleading. Fix them in the editors (tap Cancel), "
            "or tap Publish anyway if you are sure.",
            "Body",
        )
        title = f"Please check these first ({len(issues)})"
        return section(title, advice, list_section("What to look at", lines, role="Warning"), role="Warning")

    def start_publish(self) -> None:
        """Publish in the worker, refused if someone else published or changed the draft since this was shown."""
        initials, seen = self.initials.value(), self.check.seen
        self.area.run("Publishing…", lambda conn: publish(conn, initials=initials, seen=seen), self._published)

    def _published(self, result: PublishResult) -> None:
        self.area.content_changed()
        self.area.back_to_home(f"Published as version {result.version.number}. Patients see it now.")
