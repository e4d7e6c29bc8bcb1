"""Translations in a content document (packs, the draft, saved versions): a "translations" section.

    "translations": {"es": {"treatments/finasteride/name": {"text": "Finasterida en tabletas",
                                                          "source": "<fingerprint of the English>"}, ...}}

The section is optional: a pack made before translations imports with English only. A translation whose
English text no longer exists (a removed card or list entry) is dropped; one whose English changed is kept
and shown as out of date by `kiosk-admin check` (patients see the English until it is translated again).
"""

from typing import Any

from kiosk.content.languages import ENGLISH, LANGUAGE_CODE, MAX_TRANSLATED_TEXT, slots, with_translations
from kiosk.content.plain_text import CONTROL_CHARACTERS
from kiosk.content.schema import Problem
from kiosk.storage.rows import Content, TranslatedText

FINGERPRINT_LENGTH = 16


def translations_to_data(content: Content) -> dict[str, dict[str, dict[str, str]]]:
    """The translations of `content` as plain data, by language then key."""
    data: dict[str, dict[str, dict[str, str]]] = {}
    for entry in content.translations:
        data.setdefault(entry.language, {})[entry.key] = {"text": entry.text, "source": entry.source}
    return data


def parse_translations(
    raw: Any, content: Content, doctor_guidance: str, where: str, problems: list[Problem]
) -> Content:
    """`content` carrying the checked translations of a document's "translations" section."""
    if raw is None:
        return content
    if not isinstance(raw, dict):
        problems.append(Problem(where, "translations", "", "must be a table of languages"))
        return content
    known = {slot.key for slot in slots(content, doctor_guidance)}
    found: list[TranslatedText] = []
    for language, texts in raw.items():
        if not isinstance(language, str) or not LANGUAGE_CODE.match(language) or language == ENGLISH:
            problems.append(Problem(where, "translations", str(language)[:16], "is not a language code like 'es'"))
            continue
        if not isinstance(texts, dict):
            problems.append(Problem(where, "translations", language, "must be a table of texts"))
            continue
        for key, entry in texts.items():
            message = _entry_problem(entry)
            if message:
                problems.append(Problem(where, f"translations {language}", str(key)[:120], message))
            elif key in known:
                found.append(TranslatedText(language, key, entry["text"].strip(), entry["source"]))
    return with_translations(content, tuple(found))


def _entry_problem(entry: Any) -> str | None:
    if not isinstance(entry, dict) or set(entry) != {"text", "source"}:
        return "must be a table with text and source"
    text, source = entry["text"], entry["source"]
    if not isinstance(text, str) or not text.strip():
        return "the text is empty"
    if len(text) > MAX_TRANSLATED_TEXT:
        return f"the text is too long ({len(text)} characters; at most {MAX_TRANSLATED_TEXT})"
    if CONTROL_CHARACTERS.search(text):
        return "the text contains control characters"
    if not isinstance(source, str) or len(source) != FINGERPRINT_LENGTH:
        return "the source must be the fingerprint of the English text"
    return None
