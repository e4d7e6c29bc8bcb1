"""Reading translated content: an overlay folder per language (assets/content/es/, fr/, …) beside the English files.

An overlay mirrors the English files one for one (es/treatments/<id>.toml, es/causes/<id>.toml,
es/red_flags.toml, es/glossary.toml, es/topics.toml, es/pictures.toml, es/index.toml with only
[settings] doctor_guidance), holding only the patient-visible texts. Arrays of tables and lists of texts have
the same order and number of entries as in English, and items with an id repeat it. A text left out is shown in
English. Every problem names the overlay file, the item and the field.
"""

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kiosk.content.document import NOT_PLAIN_TEXT, content_to_document
from kiosk.content.languages import (
    MAX_TRANSLATED_TEXT,
    fingerprint,
    overlay_languages,
    slots,
    with_translations,
)
from kiosk.content.plain_text import CONTROL_CHARACTERS
from kiosk.content.schema import Problem
from kiosk.storage.rows import Content, TranslatedText

# Fields that are not text, or are never translated: overlays leave them out (if present they are not used).
NOT_TRANSLATED = {"id", "evidence", "icon", "treatments", "causes", "picture", "last_reviewed", "date",
                  "not_shown_to_work"}  # fmt: skip
# For each single overlay file: its top-level keys, and the content keys they stand for.
_SINGLE_FILES = {
    "red_flags.toml": {"flags": "red_flags", "next_steps": "red_flags_page/next_steps",
                       "checked_by": "red_flags_page/checked_by"},
    "glossary.toml": {"term": "glossary"},
    "topics.toml": {"topic": "topics"},
    "pictures.toml": {"pattern": "pictures"},
    "index.toml": {"settings": "settings"},
}  # fmt: skip


def english_parts(content: Content, doctor_guidance: str) -> dict[str, tuple[str, Any]]:
    """Each overlay file's path (relative to the language folder) → (key prefix, the English as plain data)."""
    data = content_to_document(content, {"doctor_guidance": doctor_guidance})
    parts: dict[str, tuple[str, Any]] = {}
    for kind in ("treatments", "causes"):
        for item in data[kind]:
            parts[f"{kind}/{item['id']}.toml"] = (f"{kind}/{item['id']}", item)
    page = data["red_flags_page"]
    english = {
        "red_flags.toml": {"flags": data["red_flags"], **page},
        "glossary.toml": {"term": data["glossary"]},
        "topics.toml": {"topic": data["topics"]},
        "pictures.toml": {"pattern": data["pictures"]},
        "index.toml": {"settings": {"doctor_guidance": doctor_guidance}},
    }
    for name, value in english.items():
        parts[name] = ("", value)
    return parts


class _Reader:
    """Walks one overlay file beside its English, collecting texts by key and problems."""

    def __init__(self, where: str, problems: list[Problem], texts: dict[str, str]):
        self.where, self.problems, self.texts = where, problems, texts

    def problem(self, item: str, field: str, message: str) -> None:
        self.problems.append(Problem(self.where, item, field, message))

    def walk(self, english: Any, translated: Any, key: str, item: str, field: str) -> None:
        if isinstance(english, dict):
            self._table(english, translated, key, item, field)
        elif isinstance(english, list):
            self._list(english, translated, key, item, field)
        elif isinstance(english, str):
            self._text(translated, key, item, field)

    def _table(self, english: dict, translated: Any, key: str, item: str, field: str) -> None:
        if not isinstance(translated, dict):
            self.problem(item, field, "must be a table, as in the English file")
            return
        if "id" in english and translated.get("id") != english["id"]:
            found = translated.get("id")
            self.problem(
                item or english["id"],
                f"{field}.id" if field else "id",
                f"is {found!r} but the English item here is '{english['id']}' (keep the same order and ids)",
            )
            return
        for name, value in translated.items():
            inner = f"{field}.{name}" if field else name
            if name not in english:
                self.problem(item, inner, "is not in the English file (check the spelling, or leave it out)")
            elif name not in NOT_TRANSLATED and not (field.endswith("checked_by") and name == "name"):
                self.walk(english[name], value, f"{key}/{name}" if key else name, item, inner)

    def _list(self, english: list, translated: Any, key: str, item: str, field: str) -> None:
        if not isinstance(translated, list) or len(translated) != len(english):
            found = f"{len(translated)} entries" if isinstance(translated, list) else "not a list"
            self.problem(
                item, field, f"has {found}; the English has {len(english)} (entry n translates entry n, in order)"
            )
            return
        for number, (first, second) in enumerate(zip(english, translated, strict=True), start=1):
            if isinstance(first, dict) and isinstance(first.get("id"), str):
                self.walk(first, second, f"{key}/{first['id']}", first["id"], "")
            elif isinstance(first, dict) and isinstance(first.get("term"), str):
                self.walk(first, second, f"{key}/{number}", first["term"], "")
            else:
                self.walk(first, second, f"{key}/{number}", item, f"{field} #{number}")

    def _text(self, translated: Any, key: str, item: str, field: str) -> None:
        if not isinstance(translated, str):
            self.problem(item, field, f"must be text, not {type(translated).__name__}")
        elif not translated.strip():
            self.problem(item, field, "is empty (leave it out to show the English until it is translated)")
        elif len(translated) > MAX_TRANSLATED_TEXT:
            self.problem(item, field, f"is too long ({len(translated)} characters; at most {MAX_TRANSLATED_TEXT})")
        elif CONTROL_CHARACTERS.search(translated) or NOT_PLAIN_TEXT.search(translated):
            self.problem(item, field, "contains characters that are not plain text")
        else:
            self.texts[key] = translated.strip()


def read_overlay(folder: Path, parts: dict[str, tuple[str, Any]], problems: list[Problem]) -> dict[str, str]:
    """The translated texts of one language folder, by key; problems name file, item and field."""
    texts: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_dir() or not relative.endswith(".toml"):
            continue
        if relative not in parts:
            problems.append(Problem(str(path), "", "", f"has no English file '{relative}' to translate"))
            continue
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            problems.append(Problem(str(path), "", "", f"is not valid TOML ({error})"))
            continue
        prefix, english = parts[relative]
        reader = _Reader(str(path), problems, texts)
        if relative in _SINGLE_FILES:
            _read_single(reader, english, raw, _SINGLE_FILES[relative])
        else:
            reader.walk(english, raw, prefix, english.get("id", ""), "")
    return texts


def _read_single(reader: _Reader, english: dict, raw: dict, keys: dict[str, str]) -> None:
    for name, value in raw.items():
        if name not in keys or name not in english:
            reader.problem("", name, "is not in the English file (check the spelling, or leave it out)")
        elif name == "settings":
            extra = sorted(set(value) - {"doctor_guidance"}) if isinstance(value, dict) else []
            for setting in extra:
                reader.problem("settings", setting, "is not translated (only doctor_guidance is); leave it out")
            reader.walk(english[name], {k: v for k, v in value.items() if k not in extra}, keys[name], "settings", "")
        else:
            reader.walk(english[name], value, keys[name], "", name)


def read_overlays(folder: Path, content: Content, doctor_guidance: str, problems: list[Problem]) -> Content:
    """`content` carrying the translations of every language folder in `folder`."""
    parts = english_parts(content, doctor_guidance)
    english = {slot.key: slot.english for slot in slots(content, doctor_guidance)}
    translations: list[TranslatedText] = []
    for language_folder in overlay_languages(folder):
        texts = read_overlay(language_folder, parts, problems)
        translations += _translated(language_folder.name, texts, english, str(language_folder), problems)
    return with_translations(content, tuple(translations))


def _translated(
    language: str, texts: dict[str, str], english: dict[str, str], where: str, problems: list[Problem]
) -> Iterator[TranslatedText]:
    for key, text in texts.items():
        if key not in english:  # a walk that disagrees with the content's own keys: ours, never the translator's
            problems.append(Problem(where, "", key, "does not match any English text"))
            continue
        yield TranslatedText(language, key, text, fingerprint(english[key]))
