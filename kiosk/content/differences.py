"""What differs between two versions of the content, field by field, with the text before and after.

Works on content documents as plain data (kiosk.content.document), so a field added to the content later shows
up here by itself, labelled by kiosk.content.labels.
"""

from dataclasses import dataclass
from typing import Any

from kiosk.content.labels import field_label
from kiosk.storage.rows import Evidence

NOTHING = "(nothing)"


@dataclass(frozen=True)
class FieldDifference:
    """One field that differs: where (like "Card: Finasteride tablets"), its label, and its text before and after."""

    place: str
    field: str
    before: str
    after: str


def _text(value: Any, field: str = "", card_names: dict[str, str] | None = None) -> str:
    if isinstance(value, list):
        if field == "treatments" and card_names is not None:
            value = [card_names.get(str(entry), str(entry)) for entry in value]
        return "\n".join(f"• {_text(entry)}" for entry in value) or NOTHING
    if field == "evidence":
        try:
            return Evidence(value).label
        except ValueError:
            return str(value)
    return str(value) if value not in (None, "") else NOTHING


def _by_key(items: list[dict[str, Any]], key: str = "id") -> dict[str, dict[str, Any]]:
    return {str(item.get(key, "")): item for item in items if isinstance(item, dict)}


def _compare_items(
    place: str, old: dict[str, Any], new: dict[str, Any], kind: str, names: dict[str, str], skip=("id",)
) -> list[FieldDifference]:
    differences = []
    for field in dict.fromkeys([*old, *new]):
        if field in skip or old.get(field) == new.get(field):
            continue
        before, after = _text(old.get(field, ""), field, names), _text(new.get(field, ""), field, names)
        differences.append(FieldDifference(place, field_label(field, kind), before, after))
    return differences


def _compare_lists(
    noun: str, kind: str, name_field: str, old: list, new: list, names: dict[str, str], skip=("id",)
) -> list[FieldDifference]:
    old_items, new_items = _by_key(old), _by_key(new)
    differences = []
    for key, item in new_items.items():
        place = f"{noun}: {item.get(name_field, key)}"
        if key not in old_items:
            differences.append(FieldDifference(place, f"New {noun.lower()}", NOTHING, "(added)"))
        else:
            differences += _compare_items(place, old_items[key], item, kind, names, skip)
    for key, item in old_items.items():
        if key not in new_items:
            differences.append(
                FieldDifference(f"{noun}: {item.get(name_field, key)}", "Removed", "(was there)", NOTHING)
            )
    if [key for key in old_items if key in new_items] != [key for key in new_items if key in old_items]:
        differences.append(FieldDifference(f"{noun}s", "Order", "(as before)", "(moved)"))
    return differences


def _conditions(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [condition for group in document.get("causes", []) for condition in group.get("conditions", [])]


def differences(old: dict[str, Any], new: dict[str, Any]) -> list[FieldDifference]:
    """Every field that differs going from document `old` to document `new`."""
    names = {str(card.get("id")): str(card.get("name")) for card in [*old["treatments"], *new["treatments"]]}
    found = _compare_lists("Card", "card", "name", old["treatments"], new["treatments"], names)
    found += _compare_lists(
        "Cause group", "group", "title", old["causes"], new["causes"], names, skip=("id", "conditions")
    )
    found += _compare_lists("Cause", "cause", "title", _conditions(old), _conditions(new), names)
    if old.get("red_flags") != new.get("red_flags"):
        found.append(
            FieldDifference("Warning signs", "Warning signs", _text(old["red_flags"]), _text(new["red_flags"]))
        )
    old_words, new_words = _by_key(old.get("glossary", []), "term"), _by_key(new.get("glossary", []), "term")
    for term in dict.fromkeys([*old_words, *new_words]):
        before, after = old_words.get(term, {}).get("meaning", ""), new_words.get(term, {}).get("meaning", "")
        if before != after:
            found.append(FieldDifference(f"Words explained: {term}", "What it means", _text(before), _text(after)))
    old_settings, new_settings = old.get("settings", {}), new.get("settings", {})
    for key in dict.fromkeys([*old_settings, *new_settings]):
        if key in new_settings and old_settings.get(key) != new_settings.get(key):
            label = field_label(key)
            found.append(FieldDifference(label, label, _text(old_settings.get(key)), _text(new_settings[key])))
    return found
