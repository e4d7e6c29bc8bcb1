"""Staff editing of translated texts: in the draft, like every other edit, so patients see them once published.

For the staff screens (a "Spanish" view of the card and cause editors):

    translated_fields(conn, "es", "treatments/finasteride") -> list[TranslatedField]
    set_translation(conn, "es", "treatments/finasteride/side_effects", "Algunos hombres ...") -> Draft
    set_translation(conn, "es", key, "") removes it (patients see the English)

Saving a translation records the English it was made from, so it is up to date until the English changes.
"""

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.content.editing import Draft, change_draft, get_draft
from kiosk.content.languages import ENGLISH, LANGUAGE_CODE, fingerprint, language_name, slots, translation_index
from kiosk.content.schema import ContentError, Problem

DRAFT = "draft"


@dataclass(frozen=True)
class TranslatedField:
    """One text of an item as staff edit its translation: the English, the translation, and its state."""

    key: str
    label: str
    english: str
    translated: str  # "" when there is none
    out_of_date: bool  # the English changed since it was translated


def translated_fields(conn: sqlite3.Connection, language: str, prefix: str) -> list[TranslatedField]:
    """Every text under `prefix` (like "treatments/finasteride") in the draft, with its translation."""
    draft = get_draft(conn)
    found = translation_index(draft.content, language)
    rows = []
    for slot in slots(draft.content, draft.doctor_guidance):
        if slot.key == prefix or slot.key.startswith(prefix.rstrip("/") + "/"):
            entry = found.get(slot.key)
            stale = entry is not None and entry.source != fingerprint(slot.english)
            rows.append(TranslatedField(slot.key, slot.label, slot.english, entry.text if entry else "", stale))
    return rows


def set_translation(conn: sqlite3.Connection, language: str, key: str, text: str) -> Draft:
    """Save the translation of one text in the draft (an empty text removes it); ContentError names the field."""
    return set_translations(conn, language, {key: text})


def set_translations(conn: sqlite3.Connection, language: str, texts: Mapping[str, str]) -> Draft:
    """Save several translations of one language in the draft, in one step (empty texts remove theirs)."""
    if not LANGUAGE_CODE.match(language) or language == ENGLISH:
        raise ContentError([Problem(DRAFT, "translations", language[:16], "is not a language code like 'es'")])
    draft = get_draft(conn)
    english = {slot.key: slot for slot in slots(draft.content, draft.doctor_guidance)}
    unknown = [key for key in texts if key not in english]
    if unknown:
        message = "there is no English text here to translate"
        raise ContentError([Problem(DRAFT, "translations", key[:120], message) for key in unknown])

    def change(data: dict[str, Any]) -> None:
        stored = data.setdefault("translations", {}).setdefault(language, {})
        for key, text in texts.items():
            if text.strip():
                stored[key] = {"text": text.strip(), "source": fingerprint(english[key].english)}
            else:
                stored.pop(key, None)
        if not stored:
            del data["translations"][language]

    labels = ", ".join(english[key].label for key in texts)
    return change_draft(conn, f"{language_name(language)}: {labels}"[:300], change)
