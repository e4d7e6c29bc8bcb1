"""Editing a cause group (title, summary) and one cause within it (text, signs, checks, linked cards)."""

from typing import Any

from kiosk.admin.staff.fields import LineField, ListField, TextField
from kiosk.admin.staff.form_page import FormPage
from kiosk.admin.staff.translation_page import translation_buttons
from kiosk.content.editing import get_draft, update_cause, update_condition
from kiosk.content.schema import Problem
from kiosk.storage.rows import CauseGroup, Condition


class CauseGroupEditorPage(FormPage):
    """The title and summary of one tile on "What might be causing it?"."""

    def __init__(self, area, group: CauseGroup):
        self.group_id = group.id
        self.title = f"Edit group: {group.title}"
        fields = [
            LineField("title", "Title"),
            TextField("summary", "What this group means", lines=3),
            ListField("key_points", "Key points", "2 or 3 short lines, one per line."),
            ListField("next_steps", "What to do next", "One step per line, in order, with a time frame."),
        ]
        values = {"title": group.title, "summary": group.summary, "key_points": list(group.key_points)}
        super().__init__(area, fields, values | {"next_steps": list(group.next_steps)})
        self.header_actions += translation_buttons(area, f"causes/{group.id}", group.title)

    def write(self, changes: dict[str, Any]) -> None:
        update_cause(self.conn, self.group_id, changes)

    def belongs(self, problem: Problem) -> bool:
        return problem.item in (self.group_id, "")


class ConditionEditorPage(FormPage):
    """One cause: what it is, signs that fit, what a doctor may check, and the cards that may help."""

    def __init__(self, area, condition: Condition):
        self.condition_id = condition.id
        self.title = f"Edit cause: {condition.title}"
        card_ids = ", ".join(card.id for card in get_draft(area.conn).content.treatments)
        fields = [
            LineField("title", "Title"),
            TextField("what_it_is", "What it is"),
            ListField("signs", "Signs that fit", "One sign per line."),
            ListField("doctor_checks", "What your doctor may check", "One check per line."),
            ListField("treatments", "Treatments that may help", f"One card id per line. The card ids: {card_ids}."),
            ListField(
                "not_shown_to_work",
                "Sold for this, but not shown to work",
                "Not proven cards only, one card id per line. Patients see them under this heading.",
            ),
        ]
        values = {
            "title": condition.title,
            "what_it_is": condition.what_it_is,
            "signs": list(condition.signs),
            "doctor_checks": list(condition.doctor_checks),
            "treatments": list(condition.treatment_ids),
            "not_shown_to_work": list(condition.unproven_ids),
        }
        super().__init__(area, fields, values)

    def write(self, changes: dict[str, Any]) -> None:
        update_condition(self.conn, self.condition_id, changes)

    def belongs(self, problem: Problem) -> bool:
        return problem.item in (self.condition_id, "")
