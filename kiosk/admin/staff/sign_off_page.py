"""Clinician checks: every card, cause and the warning signs with who last checked them, and marking one checked.

Like any edit, marking an item checked goes into the draft; patients see the new "Checked by" line once it is
published. The logic is in kiosk.content.sign_off; these pages only show it.
"""

from typing import Any

from kiosk.admin.staff.fields import LineField
from kiosk.admin.staff.form_page import FormPage
from kiosk.admin.staff.page import StaffPage
from kiosk.content.editing import get_draft
from kiosk.content.settings import load_settings
from kiosk.content.sign_off import SignedItem, due_for_check, mark_checked, signed_items
from kiosk.ui.widgets import section, text_label, touch_button

TITLE = "Clinician checks"


def on_one_line(command: str) -> str:
    """A command to type, shown so that the line never breaks inside it: at a narrow width "add --" at the end of
    one line and "language es" on the next reads as two things to type."""
    return command.replace(" ", "\u00a0").replace("-", "-\u2060")  # no-break spaces; word joiners after hyphens


def due_summary(conn) -> tuple[str, list[str]]:
    """For the staff home: one line saying how many items are due for a check, and their names."""
    months = load_settings(conn).check_after_months
    due = due_for_check(get_draft(conn).content, months)
    if not due:
        return f"Every card, cause and the warning signs were checked in the last {months} months.", []
    return f"Due for a clinician's check (not checked in the last {months} months): {len(due)}.", [
        f"{item.label}: {item.status}." for item in due
    ]


class SignOffListPage(StaffPage):
    """Every item a clinician signs off, due ones first, each with a button to mark it checked."""

    title = TITLE

    def __init__(self, area):
        super().__init__(area)
        self.refresh()

    def refresh(self) -> None:
        self.clear_column()
        content = get_draft(self.conn).content
        months = load_settings(self.conn).check_after_months
        due = due_for_check(content, months)
        lead = (
            f"Print every patient text for the doctor with: {on_one_line('kiosk-admin review-copy --out review.pdf')}"
            f" (add {on_one_line('--language es')} for the Spanish words). "
            "After the doctor has read an item, mark it checked here, then publish."
        )
        self.column.addWidget(text_label(lead, "Lead"))
        due_keys = {item.key for item in due}
        others = [item for item in signed_items(content) if item.key not in due_keys]
        for title, items, role in (
            (f"Due for a check (not checked in the last {months} months)", due, "Warning"),
            ("Checked recently", others, "Section"),
        ):
            if items:
                self.column.addWidget(section(title, *(part for item in items for part in self._row(item)), role=role))
        self.column.addStretch(1)

    def _row(self, item: SignedItem) -> tuple:
        button = touch_button(f"Mark as checked: {item.label}", "Secondary")
        button.setAccessibleDescription(item.status)
        button.clicked.connect(lambda _=False, chosen=item: self.area.open(MarkCheckedPage(self.area, chosen)))
        return text_label(f"{item.label}: {item.status}."), button


class MarkCheckedPage(FormPage):
    """Who checked one item; Save records today's date in the draft."""

    save_unchanged = True
    saved_message = "Marked as checked in the draft. Patients see the new line after you publish."

    def __init__(self, area, item: SignedItem):
        self.item = item
        self.title = f"Mark as checked: {item.label}"
        fields = [
            LineField("name", "Checked by (name)", "The clinician who read it, like Dr. Ana Ruiz."),
            LineField("role", "Role", "Like dermatologist, or clinic doctor."),
        ]
        last = item.checked_by
        values = {"name": last.name if last else "", "role": last.role if last else ""}
        super().__init__(area, fields, values, intro=f"{item.status}. Today's date is recorded when you save.")

    def write(self, changes: dict[str, Any]) -> None:
        values = self.form.values()
        mark_checked(self.conn, self.item.key, values["name"], values["role"])
