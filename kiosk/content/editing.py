"""The staff editor's model: edits go to a draft that patients do not see until it is published.

For the staff screens (every function takes the open connection, `window.library.conn`):

    get_draft(conn) -> Draft                   the draft, or what is published when there is no draft
    draft_content(conn) -> Content             exactly what patients will see after publishing (for preview)
    draft_changes(conn) -> ContentChanges      what publishing would change; .summary() is one line
    update_treatment(conn, card_id, {"side_effects": "...", ...}) -> Draft
    add_treatment(conn, {every card field}, position=None) -> Draft
    remove_treatment(conn, card_id) -> Draft   also unlinks the card from every cause
    move_treatment(conn, card_id, position) -> Draft
    update_cause(conn, group_id, {"title"|"summary"|"icon": ...}) -> Draft
    update_condition(conn, condition_id, {"title"|"what_it_is"|"signs"|"doctor_checks"|"treatments": ...})
    add_condition(conn, group_id, {fields}) -> (Draft, new id);  move_condition(conn, condition_id, position)
    remove_condition(conn, condition_id) -> Draft   (a group keeps at least one cause)
    set_glossary(conn, [("term", "meaning"), ...]) -> Draft
    set_red_flags(conn, ["...", ...]) -> Draft
    set_doctor_guidance(conn, text) -> Draft;  set_clinic_name(conn, text) -> Draft
    discard_draft(conn) -> bool
    kiosk.content.publishing: publish(conn), list_versions(conn), restore_version(conn, n)

Every edit is checked at once against the whole content: a bad value raises ContentError whose problems name
the item (card, cause or condition id) and the field, and the draft is left as it was. So the draft can
always be published. List fields take lists of texts; evidence takes an Evidence or its value.
"""

import copy
import re
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.content.changes import ContentChanges, compare
from kiosk.content.document import Document, document_to_data, parse_document
from kiosk.content.glyphs import refuse_undrawable
from kiosk.content.labels import field_label
from kiosk.content.publishing import DRAFT, published_document
from kiosk.content.schema import TREATMENT_FIELDS, ContentError, Problem
from kiosk.storage import versions
from kiosk.storage.audit import record_action
from kiosk.storage.db import transaction
from kiosk.storage.rows import Content

CAUSE_FIELDS = ("title", "summary", "icon", "key_points", "next_steps")
CONDITION_FIELDS = ("title", "what_it_is", "signs", "doctor_checks", "treatments", "not_shown_to_work")


@dataclass(frozen=True)
class Draft:
    """The content staff are editing, and whether it differs from what patients see."""

    content: Content
    doctor_guidance: str
    clinic_name: str
    has_changes: bool


def get_draft(conn: sqlite3.Connection) -> Draft:
    """The draft, or the published content when there is no draft."""
    published = published_document(conn)
    data = versions.read_draft(conn)
    document = parse_document(data, DRAFT) if data is not None else published
    return _as_draft(document, published)


def _as_draft(document: Document, published: Document) -> Draft:
    return Draft(document.content, document.doctor_guidance, document.clinic_name or "", document != published)


def draft_content(conn: sqlite3.Connection) -> Content:
    """The content exactly as patients will see it once the draft is published."""
    return get_draft(conn).content


def draft_changes(conn: sqlite3.Connection) -> ContentChanges:
    """What publishing the draft would change."""
    data = versions.read_draft(conn)
    published = published_document(conn)
    return compare(published, parse_document(data, DRAFT)) if data is not None else ContentChanges()


def discard_draft(conn: sqlite3.Connection) -> bool:
    """Throw away every unpublished change; whether there were any."""
    with transaction(conn):
        discarded = versions.delete_draft(conn)
        if discarded:
            record_action(conn, "discard draft")
    return discarded


def _edit(
    conn: sqlite3.Connection, detail: str | Callable[[dict[str, Any]], str], change: Callable[[dict[str, Any]], None]
) -> Draft:
    with transaction(conn):
        published = published_document(conn)
        data = versions.read_draft(conn) or document_to_data(published)
        data = copy.deepcopy(data)
        if callable(detail):
            detail = detail(data)
        change(data)
        document = parse_document(data, DRAFT)
        refuse_undrawable(data, DRAFT)
        versions.write_draft(conn, document_to_data(document))
        record_action(conn, "edit draft", detail)
    return _as_draft(document, published)


def change_draft(conn: sqlite3.Connection, detail: str, change: Callable[[dict[str, Any]], None]) -> Draft:
    """Apply `change` to the draft as plain data, checked like every edit (for edits defined elsewhere)."""
    return _edit(conn, detail, change)


def _refuse(item: str, field: str, message: str) -> None:
    raise ContentError([Problem(DRAFT, item, field, message)])


def _find(items: list[dict[str, Any]], item_id: str, kind: str) -> dict[str, Any]:
    for item in items:
        if item.get("id") == item_id:
            return item
    _refuse(item_id, "", f"there is no {kind} with this id")
    raise AssertionError  # unreachable: _refuse raises


def _apply(target: dict[str, Any], item_id: str, changes: Mapping[str, Any], allowed: Sequence[str]) -> None:
    for field, value in changes.items():
        if field == "id":
            _refuse(item_id, "id", "cannot be changed; add a new item instead")
        if field not in allowed:
            _refuse(item_id, str(field), "is not a field that can be edited here")
        target[field] = _plain(value)


def _name_of(items: list[dict[str, Any]], item_id: str) -> str:
    item = next((item for item in items if item.get("id") == item_id), {})
    return str(item.get("name") or item.get("title") or item_id)


def _labels(changes: Mapping[str, Any], kind: str) -> str:
    return ", ".join(field_label(str(field), kind) for field in changes)


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        return str(value)
    if isinstance(value, tuple | list):
        return [_plain(entry) for entry in value]
    return value


def update_treatment(conn: sqlite3.Connection, card_id: str, changes: Mapping[str, Any]) -> Draft:
    """Change some fields of one card (not its id)."""
    editable = sorted(TREATMENT_FIELDS - {"id"})
    return _edit(
        conn,
        lambda data: f"card {_name_of(data['treatments'], card_id)}: {_labels(changes, 'card')}",
        lambda data: _apply(_find(data["treatments"], card_id, "card"), card_id, changes, editable),
    )


def add_treatment(conn: sqlite3.Connection, fields: Mapping[str, Any], position: int | None = None) -> Draft:
    """Add a new card (every field given) at `position` in the list, or at the end."""
    card = {name: _plain(value) for name, value in fields.items()}

    def change(data: dict[str, Any]) -> None:
        cards = data["treatments"]
        cards.insert(len(cards) if position is None else max(0, position), card)

    return _edit(conn, f"added card {fields.get('name') or fields.get('id')}", change)


def remove_treatment(conn: sqlite3.Connection, card_id: str) -> Draft:
    """Remove one card, and its links from every cause."""

    def change(data: dict[str, Any]) -> None:
        data["treatments"].remove(_find(data["treatments"], card_id, "card"))
        for group in data["causes"]:
            for condition in group["conditions"]:
                condition["treatments"] = [linked for linked in condition["treatments"] if linked != card_id]

    return _edit(conn, lambda data: f"removed card {_name_of(data['treatments'], card_id)}", change)


def move_treatment(conn: sqlite3.Connection, card_id: str, position: int) -> Draft:
    """Move one card to `position` (0 is first) in the list of cards."""

    def change(data: dict[str, Any]) -> None:
        cards = data["treatments"]
        card = _find(cards, card_id, "card")
        cards.remove(card)
        cards.insert(min(max(0, position), len(cards)), card)

    return _edit(conn, lambda data: f"moved card {_name_of(data['treatments'], card_id)} to {position + 1}", change)


def update_cause(conn: sqlite3.Connection, group_id: str, changes: Mapping[str, Any]) -> Draft:
    """Change the title, summary or icon of one cause group."""
    return _edit(
        conn,
        lambda data: f"cause group {_name_of(data['causes'], group_id)}: {_labels(changes, 'group')}",
        lambda data: _apply(_find(data["causes"], group_id, "cause"), group_id, changes, CAUSE_FIELDS),
    )


def update_condition(conn: sqlite3.Connection, condition_id: str, changes: Mapping[str, Any]) -> Draft:
    """Change fields of one condition within a cause group, including which cards it links to."""

    def change(data: dict[str, Any]) -> None:
        conditions = [condition for group in data["causes"] for condition in group["conditions"]]
        _apply(_find(conditions, condition_id, "cause"), condition_id, changes, CONDITION_FIELDS)

    def detail(data: dict[str, Any]) -> str:
        conditions = [condition for group in data["causes"] for condition in group["conditions"]]
        return f"cause {_name_of(conditions, condition_id)}: {_labels(changes, 'cause')}"

    return _edit(conn, detail, change)


def set_red_flags(conn: sqlite3.Connection, flags: Sequence[str], next_steps: Sequence[str] | None = None) -> Draft:
    """Replace the warning signs ("See a doctor soon if..."), in this order, and their numbered next steps."""

    def change(data: dict[str, Any]) -> None:
        data.update(red_flags=_plain(list(flags)))
        if next_steps is not None:
            data.setdefault("red_flags_page", {})["next_steps"] = _plain(list(next_steps))

    return _edit(conn, "warning signs", change)


def set_doctor_guidance(conn: sqlite3.Connection, text: str) -> Draft:
    """Change the talk-to-your-doctor message shown on every screen."""
    return _edit(conn, "doctor guidance", lambda data: data["settings"].update(doctor_guidance=text))


def set_clinic_name(conn: sqlite3.Connection, text: str) -> Draft:
    """Change the clinic name shown at the top of every screen."""
    return _edit(conn, "clinic name", lambda data: data["settings"].update(clinic_name=text))


def add_condition(conn: sqlite3.Connection, group_id: str, fields: Mapping[str, Any]) -> tuple[Draft, str]:
    """Add a cause at the end of cause group `group_id` (its short id made from its title); the new id."""
    new_id = ""

    def change(data: dict[str, Any]) -> None:
        nonlocal new_id
        group = _find(data["causes"], group_id, "cause group")
        taken = {condition["id"] for each in data["causes"] for condition in each["conditions"]}
        new_id = _unique_id(str(fields.get("title", "")), taken)
        condition = {name: _plain(fields.get(name, [] if name in LIST_FIELDS else "")) for name in CONDITION_FIELDS}
        group["conditions"].append({"id": new_id, **condition})

    draft = _edit(conn, f"added cause {fields.get('title', '')}", change)
    return draft, new_id


def move_condition(conn: sqlite3.Connection, condition_id: str, position: int) -> Draft:
    """Move a cause to `position` (0 is first) within its cause group."""

    def change(data: dict[str, Any]) -> None:
        group = _group_of(data, condition_id)
        condition = _find(group["conditions"], condition_id, "cause")
        group["conditions"].remove(condition)
        group["conditions"].insert(min(max(0, position), len(group["conditions"])), condition)

    return _edit(
        conn, lambda data: f"moved cause {_name_of(_conditions(data), condition_id)} to {position + 1}", change
    )


def remove_condition(conn: sqlite3.Connection, condition_id: str) -> Draft:
    """Remove a cause from its group (a group keeps at least one cause: ContentError otherwise)."""

    def change(data: dict[str, Any]) -> None:
        group = _group_of(data, condition_id)
        if len(group["conditions"]) == 1:
            _refuse(
                condition_id,
                "",
                f"is the only cause in “{group['title']}”; a group needs at least one. "
                "Change this cause instead, or add another first",
            )
        group["conditions"].remove(_find(group["conditions"], condition_id, "cause"))

    return _edit(conn, lambda data: f"removed cause {_name_of(_conditions(data), condition_id)}", change)


def set_glossary(conn: sqlite3.Connection, words: Sequence[tuple[str, str]]) -> Draft:
    """Replace "Words explained": each hard word and its plain meaning, in this order."""
    entries = [{"term": str(term), "meaning": str(meaning)} for term, meaning in words]
    return _edit(conn, "words explained", lambda data: data.update(glossary=entries))


LIST_FIELDS = ("signs", "doctor_checks", "treatments")


def _conditions(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [condition for group in data["causes"] for condition in group["conditions"]]


def _group_of(data: dict[str, Any], condition_id: str) -> dict[str, Any]:
    for group in data["causes"]:
        if any(condition.get("id") == condition_id for condition in group["conditions"]):
            return group
    _refuse(condition_id, "", "there is no cause with this id")
    raise AssertionError  # unreachable: _refuse raises


def _unique_id(title: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-")[:56] or "cause"
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate
