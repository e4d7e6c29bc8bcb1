"""A clinician's sign-off: which items are due for a new check, and marking an item as checked in the draft.

For the staff screens and kiosk-admin (every function takes plain values, never widgets):

    due_for_check(content, months, today=None) -> [DueItem]   never checked, or checked more than `months` ago
    mark_checked(conn, item, name, role, on=None) -> Draft    records who checked `item` (a DueItem.key) in the draft
"""

import datetime
import sqlite3
from dataclasses import dataclass
from typing import Any

from kiosk.content.editing import Draft, change_draft
from kiosk.content.publishing import DRAFT
from kiosk.content.schema import ContentError, Problem
from kiosk.storage.rows import CheckedBy, Content

RED_FLAGS = "red-flags"


@dataclass(frozen=True)
class SignedItem:
    """One item a clinician signs off: a card, a cause, a topic or the warning signs."""

    kind: str  # "treatment", "cause", "topic" or "red_flags"
    item_id: str
    label: str  # as staff read it: "Card: Finasteride tablets"
    checked_by: CheckedBy | None

    @property
    def key(self) -> str:
        """The item as one text, for mark_checked: "treatment:finasteride"."""
        return f"{self.kind}:{self.item_id}"

    @property
    def status(self) -> str:
        """The last check in words, for staff."""
        return self.checked_by.line if self.checked_by else "Never checked by a clinician"


def signed_items(content: Content) -> list[SignedItem]:
    """Every item that carries a checked-by line, in the order patients meet them."""
    items = [SignedItem("cause", group.id, f"Cause: {group.title}", group.checked_by) for group in content.cause_groups]
    items.append(SignedItem("red_flags", RED_FLAGS, "Warning signs", content.red_flags_page.checked_by))
    items += [SignedItem("topic", topic.id, f"Topic: {topic.title}", topic.checked_by) for topic in content.topics]
    items += [SignedItem("treatment", card.id, f"Card: {card.name}", card.checked_by) for card in content.treatments]
    return items


def due_for_check(content: Content, months: int, today: datetime.date | None = None) -> list[SignedItem]:
    """Items never checked, or last checked more than `months` months before `today`, oldest first."""
    today = today or datetime.date.today()
    limit = _months_before(today, months)
    due = [
        item
        for item in signed_items(content)
        if item.checked_by is None or datetime.date.fromisoformat(item.checked_by.date) < limit
    ]
    return sorted(due, key=lambda item: item.checked_by.date if item.checked_by else "")


def due_for_check_lines(content: Content, months: int) -> list[str]:
    """The items due for a clinician's check, as lines for staff (none when every item is up to date)."""
    due = due_for_check(content, months)
    if not due:
        return [f"Clinician checks: every card, cause and the warning signs were checked in the last {months} months."]
    lines = [f"Due for a clinician's check (not checked in the last {months} months): {len(due)}."]
    lines += [f"  {item.label}: {item.status}." for item in due]
    lines.append("Mark each as checked in the staff area after the doctor has read it (kiosk-admin review-copy).")
    return lines


def _months_before(day: datetime.date, months: int) -> datetime.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    for last_day in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month + 1, min(day.day, last_day))
        except ValueError:
            continue
    raise AssertionError  # unreachable: the 28th exists in every month


def mark_checked(
    conn: sqlite3.Connection, item_key: str, name: str, role: str, on: datetime.date | None = None
) -> Draft:
    """Record in the draft that `name` (`role`) checked the item today (or `on`); patients see it once published."""
    kind, _, item_id = item_key.partition(":")
    stamp = {"name": name.strip(), "role": role.strip(), "date": (on or datetime.date.today()).isoformat()}
    for field in ("name", "role"):
        if not stamp[field]:
            raise ContentError([Problem(DRAFT, item_id, field, "is empty")])

    def change(data: dict[str, Any]) -> None:
        _target(data, kind, item_id)["checked_by"] = stamp

    return change_draft(conn, f"checked {item_id} ({stamp['name']}, {stamp['role']})", change)


def _target(data: dict[str, Any], kind: str, item_id: str) -> dict[str, Any]:
    if kind == "red_flags":
        return data.setdefault("red_flags_page", {"next_steps": []})
    section = {"treatment": "treatments", "cause": "causes", "topic": "topics"}.get(kind)
    for item in data.get(section, []) if section else []:
        if item.get("id") == item_id:
            return item
    raise ContentError([Problem(DRAFT, item_id, "", "there is no card, cause or topic with this id")])
