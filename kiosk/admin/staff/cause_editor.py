"""Editing a cause group (title, summary) and one cause within it (text, signs, checks, linked cards)."""

from typing import Any

from kiosk.admin.staff.card_picker import CardPickerField
from kiosk.admin.staff.fields import Field, LineField, ListField, TextField
from kiosk.admin.staff.form_page import FormPage
from kiosk.admin.staff.translation_page import translation_buttons
from kiosk.content.editing import add_condition, get_draft, update_cause, update_condition
from kiosk.content.labels import field_label
from kiosk.content.schema import Problem
from kiosk.storage.rows import CauseGroup, Condition, Evidence, Treatment


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


def condition_fields(cards: tuple[Treatment, ...]) -> list[Field]:
    """The inputs of a cause, labelled as on screen; the cards that may help are ticked by name."""
    return [
        LineField("title", field_label("title", "cause")),
        TextField("what_it_is", field_label("what_it_is", "cause")),
        ListField("signs", field_label("signs", "cause"), "One sign per line."),
        ListField("doctor_checks", field_label("doctor_checks", "cause"), "One check per line."),
        CardPickerField(
            "treatments",
            field_label("treatments", "cause"),
            tuple(card for card in cards if card.evidence is not Evidence.NOT_PROVEN),
            "Tap each card that may help with this cause; tap again to untick it.",
        ),
        CardPickerField(
            "not_shown_to_work",
            field_label("not_shown_to_work", "cause"),
            tuple(card for card in cards if card.evidence is Evidence.NOT_PROVEN),
            "Not proven cards sold for this cause. Patients see them under this heading, never among the options.",
        ),
    ]


class ConditionEditorPage(FormPage):
    """One cause: what it is, signs that fit, what a doctor may check, and the cards that may help."""

    def __init__(self, area, condition: Condition):
        self.condition_id = condition.id
        self.title = f"Edit cause: {condition.title}"
        values = {
            "title": condition.title,
            "what_it_is": condition.what_it_is,
            "signs": list(condition.signs),
            "doctor_checks": list(condition.doctor_checks),
            "treatments": list(condition.treatment_ids),
            "not_shown_to_work": list(condition.unproven_ids),
        }
        super().__init__(area, condition_fields(get_draft(area.conn).content.treatments), values)

    def write(self, changes: dict[str, Any]) -> None:
        update_condition(self.conn, self.condition_id, changes)

    def belongs(self, problem: Problem) -> bool:
        return problem.item in (self.condition_id, "")


class NewConditionPage(ConditionEditorPage):
    """A new cause at the end of one cause group; after the first Save it is edited like any other."""

    def __init__(self, area, group: CauseGroup):
        self.group_id = group.id
        self.title = f"New cause in “{group.title}”"
        self.condition_id = ""
        empty = {"title": "", "what_it_is": "", "signs": [], "doctor_checks": [], "treatments": []}
        FormPage.__init__(self, area, condition_fields(get_draft(area.conn).content.treatments), empty)
        self.save_unchanged = True

    def write(self, changes: dict[str, Any]) -> None:
        if self.condition_id:
            update_condition(self.conn, self.condition_id, changes)
            return
        _, self.condition_id = add_condition(self.conn, self.group_id, changes)
        self.save_unchanged = False
        self.title = f"Edit cause: {changes['title'].strip()}"
        self.area.title_label.setText(self.title)

    def belongs(self, problem: Problem) -> bool:
        return True  # everything about a cause not yet saved is on this page
