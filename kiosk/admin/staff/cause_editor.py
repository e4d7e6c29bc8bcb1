"""Editing a cause group (title, summary) and one cause within it (text, signs, checks, linked cards)."""

from typing import Any

from kiosk.admin.staff.card_picker import CardPickerField
from kiosk.admin.staff.fields import LineField, ListField, TextField
from kiosk.admin.staff.form_page import FormPage
from kiosk.content.editing import get_draft, update_cause, update_condition
from kiosk.content.labels import field_label
from kiosk.content.schema import Problem
from kiosk.storage.rows import CauseGroup, Condition


class CauseGroupEditorPage(FormPage):
    """The title and summary of one tile on "What might be causing it?"."""

    def __init__(self, area, group: CauseGroup):
        self.group_id = group.id
        self.title = f"Edit group: {group.title}"
        fields = [LineField("title", "Title"), TextField("summary", "What this group means", lines=3)]
        super().__init__(area, fields, {"title": group.title, "summary": group.summary})

    def write(self, changes: dict[str, Any]) -> None:
        update_cause(self.conn, self.group_id, changes)

    def belongs(self, problem: Problem) -> bool:
        return problem.item in (self.group_id, "")


class ConditionEditorPage(FormPage):
    """One cause: what it is, signs that fit, what a doctor may check, and the cards that may help."""

    def __init__(self, area, condition: Condition):
        self.condition_id = condition.id
        self.title = f"Edit cause: {condition.title}"
        cards = get_draft(area.conn).content.treatments
        fields = [
            LineField("title", "Title"),
            TextField("what_it_is", "What it is"),
            ListField("signs", "Signs that fit", "One sign per line."),
            ListField("doctor_checks", "What your doctor may check", "One check per line."),
            CardPickerField(
                "treatments",
                field_label("treatments", "cause"),
                cards,
                "Tap each card that may help with this cause; tap again to untick it.",
            ),
        ]
        values = {
            "title": condition.title,
            "what_it_is": condition.what_it_is,
            "signs": list(condition.signs),
            "doctor_checks": list(condition.doctor_checks),
            "treatments": list(condition.treatment_ids),
        }
        super().__init__(area, fields, values)

    def write(self, changes: dict[str, Any]) -> None:
        update_condition(self.conn, self.condition_id, changes)

    def belongs(self, problem: Problem) -> bool:
        return problem.item in (self.condition_id, "")
