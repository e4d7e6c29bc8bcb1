"""Languages as data: every patient-visible text has a key, and Content can be given in any language.

A translation is a `TranslatedText` (language, key, text, fingerprint of the English it translates) carried by
`Content.translations`. Keys name the place of a text in the content, like the sections of a content document:

    treatments/finasteride/side_effects         treatments/finasteride/questions/2   (lists count from 1)
    treatments/finasteride/checked_by/role      causes/hormonal/conditions/pcos/signs/1
    red_flags/3    red_flags_page/next_steps/1  glossary/4/term    topics/living-with-hair-loss/sections/2/title
    pictures/round-patches/caption              settings/doctor_guidance

`content_in(content, "es")` is the same Content with each text in Spanish where there is an up-to-date
Spanish text and in English otherwise (never a blank). A translation whose English has changed since is out
of date: it is not shown, and kiosk.content.language_check lists it, like a missing one.
"""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

try:  # as the standard library's random does: its own SHA-256, not hashlib's, which loads OpenSSL (3.6 MB)
    from _sha2 import sha256  # Python 3.12 and later
except ImportError:
    try:
        from _sha256 import sha256  # Python 3.11
    except ImportError:
        from hashlib import sha256

from kiosk.storage.rows import (
    CauseGroup,
    CheckedBy,
    Condition,
    Content,
    GlossaryTerm,
    PicturePattern,
    RedFlagsPage,
    Topic,
    TopicSection,
    TranslatedText,
    Treatment,
)

ENGLISH = "en"
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
# Names for staff (in English) and for patients (in the language itself); a code not listed shows as itself.
LANGUAGE_NAMES = {
    "en": ("English", "English"),
    "es": ("Spanish", "Español"),
    "fr": ("French", "Français"),
    "pt": ("Portuguese", "Português"),
    "zh": ("Chinese", "中文"),
    "vi": ("Vietnamese", "Tiếng Việt"),
    "ar": ("Arabic", "العربية"),
    "ko": ("Korean", "한국어"),
    "tl": ("Tagalog", "Tagalog"),
    "ru": ("Russian", "Русский"),
    "ht": ("Haitian Creole", "Kreyòl ayisyen"),
}
GUIDANCE_KEY = "settings/doctor_guidance"
FIRST_FEW = 5
MAX_TRANSLATED_TEXT = 2000  # Spanish runs about a quarter longer than English

# The patient-visible texts of each kind of row, with the words staff see on screen for them.
_TEXT_FIELDS: dict[type, dict[str, str]] = {
    Treatment: {
        "name": "Name", "summary": "Summary", "key_points": "Key points", "what_it_is": "What it is",
        "how_used": "How it is used", "evidence_reason": "How good is the evidence?", "status": "Is it approved?",
        "who_may_help": "Who it may help", "results_time": "When you might see results",
        "if_you_stop": "If you stop", "side_effects": "Side effects",
        "who_must_avoid": "Who must not use it, or must ask first", "get_help_now": "Get help now if…",
        "get_help_action": "Get help now: what to do", "next_steps": "What to do next",
        "questions": "Questions to ask your doctor", "sources": "Sources", "checked_by": "Checked by",
    },
    CauseGroup: {
        "title": "Title", "summary": "Summary", "key_points": "Key points", "next_steps": "What to do next",
        "checked_by": "Checked by", "conditions": "",
    },
    Condition: {
        "title": "Title", "what_it_is": "What it is", "signs": "Signs", "doctor_checks": "What a doctor may check",
    },
    GlossaryTerm: {"term": "Word", "meaning": "Meaning"},
    RedFlagsPage: {"next_steps": "What to do next", "checked_by": "Checked by"},
    Topic: {
        "title": "Title", "summary": "Summary", "key_points": "Key points", "sections": "",
        "next_steps": "What to do next", "sources": "Sources", "checked_by": "Checked by",
    },
    TopicSection: {"title": "Heading", "entries": "Lines"},
    PicturePattern: {"title": "Title", "caption": "Caption", "description": "Description read aloud"},
    CheckedBy: {"role": "role"},
}  # fmt: skip
# The content's parts, by the section names of a content document.
_SECTIONS = (
    ("treatments", "treatments", ""),
    ("causes", "cause_groups", ""),
    ("red_flags", "red_flags", "See a doctor soon if…: sign"),
    ("red_flags_page", "red_flags_page", "See a doctor soon if…"),
    ("glossary", "glossary", ""),
    ("topics", "topics", ""),
    ("pictures", "pictures", ""),
)


@dataclass(frozen=True)
class Slot:
    """One patient-visible English text: its key, the text, and its name as staff see it on screen."""

    key: str
    english: str
    label: str


def language_name(code: str) -> str:
    """The language's name in English, for staff ("Spanish"), or its code if it is not known."""
    return LANGUAGE_NAMES.get(code, (code, code))[0]


def native_name(code: str) -> str:
    """The language's name in itself, for patients ("Español"), or its code if it is not known."""
    return LANGUAGE_NAMES.get(code, (code, code))[1]


def overlay_languages(folder: Path) -> list[Path]:
    """The overlay folders in a content folder (es/, fr/, …), in code order."""
    return sorted(
        path for path in folder.iterdir() if path.is_dir() and LANGUAGE_CODE.match(path.name) and path.name != ENGLISH
    )


def fingerprint(english: str) -> str:
    """A short fingerprint of an English text, stored with its translation to spot later English changes."""
    return sha256(" ".join(english.split()).encode("utf-8")).hexdigest()[:16]


def _item_name(row: Any, fallback: str) -> str:
    for name in ("name", "title", "term"):
        value = getattr(row, name, None)
        if isinstance(value, str) and value:
            return value
    return fallback


def _item_key(row: Any, number: int) -> str:
    item_id = getattr(row, "id", None)
    return item_id if isinstance(item_id, str) and item_id else str(number)


def _walk(value: Any, key: str, label: str, visit: Callable[[str, str, str], str]) -> Any:
    """`value` with every text replaced by visit(key, text, label); rows rebuilt only if something changed."""
    if isinstance(value, str):
        return visit(key, value, label)
    if isinstance(value, tuple):
        items = []
        for number, entry in enumerate(value, start=1):
            if is_dataclass(entry):
                name = _item_name(entry, f"{label} {number}".strip())
                name = f"{label} › {name}" if label else name
                items.append(_walk(entry, f"{key}/{_item_key(entry, number)}", name, visit))
            else:
                items.append(_walk(entry, f"{key}/{number}", f"{label} #{number}", visit))
        return tuple(items) if any(a is not b for a, b in zip(items, value, strict=True)) else value
    if is_dataclass(value):
        changes = {}
        for name, words in _TEXT_FIELDS[type(value)].items():
            if isinstance(value, CheckedBy):
                inner = f"{label} ({words})"
            elif not words:
                inner = label
            else:
                inner = f"{label}: {words}" if label else words
            old = getattr(value, name)
            new = _walk(old, f"{key}/{name}", inner, visit)
            if new is not old:
                changes[name] = new
        return replace(value, **changes) if changes else value
    return value


def slots(content: Content, doctor_guidance: str | None = None) -> list[Slot]:
    """Every patient-visible English text of `content` (and the doctor guidance, if given), in content order."""
    found: list[Slot] = []

    def collect(key: str, text: str, label: str) -> str:
        found.append(Slot(key, text, label))
        return text

    for section, attribute, label in _SECTIONS:
        _walk(getattr(content, attribute), section, label, collect)
    if doctor_guidance is not None:
        found.append(Slot(GUIDANCE_KEY, doctor_guidance, "Doctor guidance"))
    return found


def _up_to_date(content: Content, language: str) -> dict[str, str]:
    return {t.key: t.text for t in content.translations if t.language == language and t.text.strip()}


def translation_index(content: Content, language: str) -> dict[str, TranslatedText]:
    """The translations of one language, by key."""
    return {t.key: t for t in content.translations if t.language == language}


def content_in(content: Content, language: str) -> Content:
    """The same content for patients in `language`: each text translated where an up-to-date translation exists."""
    if language == ENGLISH:
        return content
    found = translation_index(content, language)
    if not found:
        return content

    def translate(key: str, text: str, label: str) -> str:
        entry = found.get(key)
        return entry.text if entry and entry.text.strip() and entry.source == fingerprint(text) else text

    parts = {name: _walk(getattr(content, name), section, "", translate) for section, name, _ in _SECTIONS}
    parts["glossary"] = tuple(sorted(parts["glossary"], key=lambda term: _sort_key(term.term)))
    return replace(content, **parts)


def guidance_in(content: Content, english_guidance: str, language: str) -> str:
    """The doctor guidance in `language` if it has an up-to-date translation, else in English."""
    entry = translation_index(content, language).get(GUIDANCE_KEY) if language != ENGLISH else None
    return entry.text if entry and entry.source == fingerprint(english_guidance) else english_guidance


def _sort_key(text: str) -> str:
    """Sorting that ignores accents and case ("Ácido" next to "acné")."""
    plain = unicodedata.normalize("NFD", text.casefold())
    return "".join(character for character in plain if not unicodedata.combining(character))


def translated_languages(content: Content) -> tuple[str, ...]:
    """The languages `content` carries any translation for, in code order."""
    return tuple(sorted({t.language for t in content.translations}))


def with_translations(content: Content, translations: tuple[TranslatedText, ...]) -> Content:
    """`content` carrying `translations` (sorted, so equal content compares equal)."""
    ordered = tuple(sorted(translations, key=lambda t: (t.language, t.key)))
    return replace(content, translations=ordered)


assert {f.name for f in fields(Content)} >= {attribute for _, attribute, _ in _SECTIONS}
