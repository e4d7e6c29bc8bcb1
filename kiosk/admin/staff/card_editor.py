"""Editing one treatment card (or a new one): one input per field, each checked on Save."""

import datetime
import re
from typing import Any

from kiosk.admin.staff.fields import ChoiceField, Field, LineField, ListField, TextField
from kiosk.admin.staff.form_page import FormPage
from kiosk.admin.staff.translation_page import translation_buttons
from kiosk.content.document import TREATMENT_ORDER
from kiosk.content.editing import add_treatment, update_treatment
from kiosk.content.labels import CARD_LABELS, field_label
from kiosk.content.schema import Problem
from kiosk.storage.rows import Evidence, Treatment

HINTS = {
    "summary": "Shown under the name in lists.",
    "questions": "One question per line: 2 to 4 questions.",
    "sources": "One source per line.",
    "last_reviewed": "A date like 2026-11-25.",
    "key_points": "2 or 3 short lines, one per line.",
    "get_help_now": "One sign per line.",
    "next_steps": "One step per line, in order, with a time frame.",
}
SHORT = {"summary", "evidence_reason", "status", "who_may_help", "results_time", "if_you_stop"}


def card_fields() -> list[Field]:
    """The inputs of a card, in the order patients read them, labelled with the headings they see."""
    fields: list[Field] = []
    for key in TREATMENT_ORDER:
        label, hint = field_label(key), HINTS.get(key, "")
        if key == "id":
            continue
        if key in ("name", "last_reviewed"):
            fields.append(LineField(key, label, hint))
        elif key == "evidence":
            fields.append(ChoiceField(key, label, [(level.value, level.label) for level in Evidence]))
        elif key in ("questions", "sources", "key_points", "get_help_now", "next_steps"):
            fields.append(ListField(key, label, hint))
        else:
            fields.append(TextField(key, label, hint, lines=2 if key in SHORT else 4))
    return fields


def short_name(name: str) -> str:
    """A card's short name for links, made from its name: "Vitamin D drops" -> "vitamin-d-drops"."""
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:64]


def card_values(card: Treatment) -> dict[str, Any]:
    """A card's fields as the inputs show them."""
    values = {name: getattr(card, name) for name in Treatment.__dataclass_fields__}
    values["evidence"] = card.evidence.value
    values["questions"], values["sources"] = list(card.questions), list(card.sources)
    return values


class CardEditorPage(FormPage):
    """Every field of one card; Save puts the changes in the draft, or shows what is wrong next to each field."""

    def __init__(self, area, card: Treatment | None):
        self.card_id = card.id if card else None
        self.title = f"Edit card: {card.name}" if card else "New card"
        fields = card_fields()
        if card is None:
            hint = (
                "Small letters, digits and dashes, like vitamin-d. Leave it empty to make it from the name. "
                "It cannot be changed later."
            )
            fields.insert(0, LineField("id", CARD_LABELS["id"], hint))
            values = {"last_reviewed": datetime.date.today().isoformat(), "evidence": ""}
        else:
            values = card_values(card)
        super().__init__(area, fields, values)
        self.save_unchanged = card is None
        if card is not None:
            self.header_actions += translation_buttons(area, f"treatments/{card.id}", card.name)

    def write(self, changes: dict[str, Any]) -> None:
        if self.card_id is not None:
            update_treatment(self.conn, self.card_id, changes)
            return
        if not str(changes.get("id", "")).strip():
            changes = {**changes, "id": short_name(str(changes.get("name", "")))}
        add_treatment(self.conn, changes)
        self.card_id = changes["id"].strip()
        self.field("id").set_value(self.card_id)
        self.save_unchanged = False
        self.field("id").input.setReadOnly(True)
        self.title = f"Edit card: {changes['name'].strip()}"
        self.area.title_label.setText(self.title)

    def belongs(self, problem: Problem) -> bool:
        values = self.form.values()
        own = self.card_id or str(values.get("id", "")).strip() or short_name(str(values.get("name", "")))
        return problem.item in (own, "") or problem.item.startswith("#")
