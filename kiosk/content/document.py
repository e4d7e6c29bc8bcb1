"""Content as one plain JSON document (for packs, the draft and saved versions), and back to checked dataclasses.

The document, as written by `content_to_document` and read by `parse_document`:

    {"treatments": [{"id", "name", "summary", ..., "evidence": "strong", "questions": [..], "sources": [..],
                     "last_reviewed": "2026-11-25"}, ...],
     "causes": [{"id", "title", "summary", "icon",
                 "conditions": [{"id", "title", "what_it_is", "signs", "doctor_checks", "treatments": [ids]}]}],
     "red_flags": ["Your hair falls out suddenly, or in clumps.", ...],
     "red_flags_page": {"next_steps": [..], "checked_by": {"name", "role", "date"}},
     "glossary": [{"term", "meaning"}, ...],
     "topics": [{"id", "title", "summary", "key_points", "sections": [{"title", "entries"}], "next_steps",
                 "sources", "checked_by"}],
     "pictures": [{"id", "title", "caption", "description", "picture", "causes": [group ids]}],
     "settings": {"clinic_name": "...", "doctor_guidance": "..."}}

Cards also carry key_points, get_help_now (signs), get_help_action, next_steps and checked_by; causes carry
key_points, next_steps and checked_by, and each condition its not_shown_to_work card ids.
Translations of the patient texts go in "translations" (kiosk.content.translation_data).
Every section is required except translations, settings.clinic_name (a pack without it leaves the kiosk's clinic name as
it is) and red_flags_page, topics and pictures (packs made before them). Problems name where (file), which
item and which field.
"""

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.content.guide_schema import check_guide, parse_picture, parse_red_flags_page, parse_topic
from kiosk.content.schema import (
    TREATMENT_FIELDS,
    ContentError,
    Problem,
    check_whole,
    parse_cause_group,
    parse_glossary,
    parse_red_flags,
    parse_treatment,
)
from kiosk.content.settings import SettingError, check_setting
from kiosk.content.translation_data import parse_translations, translations_to_data
from kiosk.resources import icon_path
from kiosk.storage.rows import CheckedBy, Content, Treatment

SECTIONS = ("treatments", "causes", "red_flags", "red_flags_page", "glossary", "topics", "pictures", "settings",
            "translations")  # fmt: skip
DOCUMENT_SETTINGS = ("clinic_name", "doctor_guidance")
MAX_ITEMS = 20_000
MAX_PROBLEMS = 500
MAX_DEPTH = 12
TREATMENT_ORDER = ("id", "name", "summary", "key_points", "what_it_is", "how_used", "evidence", "evidence_reason",
                   "status", "who_may_help", "results_time", "if_you_stop", "side_effects", "who_must_avoid",
                   "get_help_now", "get_help_action", "next_steps", "questions", "sources",
                   "last_reviewed")  # fmt: skip
assert set(TREATMENT_ORDER) | {"checked_by"} == TREATMENT_FIELDS
# C1 controls, lone surrogates and non-characters: never plain text, and SQLite cannot store lone surrogates.
NOT_PLAIN_TEXT = re.compile("[\x80-\x9f\ud800-\udfff\ufffe\uffff]")
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Document:
    """A checked content document: the content, the doctor guidance, and the clinic name if it has one."""

    content: Content
    doctor_guidance: str
    clinic_name: str | None = None

    def settings(self) -> dict[str, str]:
        """The settings this document sets, as stored text."""
        values = {"doctor_guidance": self.doctor_guidance}
        if self.clinic_name is not None:
            values["clinic_name"] = self.clinic_name
        return values


def treatment_to_data(treatment: Treatment) -> dict[str, Any]:
    """One card as plain data, fields in display order."""
    data: dict[str, Any] = {}
    for name in TREATMENT_ORDER:
        value = getattr(treatment, name)
        data[name] = list(value) if isinstance(value, tuple) else str(value)
    if treatment.checked_by is not None:
        data["checked_by"] = checked_by_to_data(treatment.checked_by)
    return data


def checked_by_to_data(checked_by: CheckedBy) -> dict[str, str]:
    """Who checked an item, as plain data."""
    return {"name": checked_by.name, "role": checked_by.role, "date": checked_by.date}


def _with_checked_by(data: dict[str, Any], checked_by: CheckedBy | None) -> dict[str, Any]:
    if checked_by is not None:
        data["checked_by"] = checked_by_to_data(checked_by)
    return data


def content_to_document(content: Content, settings: Mapping[str, str]) -> dict[str, Any]:
    """All content plus the clinic name and doctor guidance from `settings`, as plain JSON-ready data."""
    data = _english_document(content, settings)
    if content.translations:
        data["translations"] = translations_to_data(content)
    return data


def _english_document(content: Content, settings: Mapping[str, str]) -> dict[str, Any]:
    return {
        "treatments": [treatment_to_data(treatment) for treatment in content.treatments],
        "causes": [
            _with_checked_by(
                {
                    "id": group.id,
                    "title": group.title,
                    "summary": group.summary,
                    "icon": group.icon,
                    "key_points": list(group.key_points),
                    "next_steps": list(group.next_steps),
                    "conditions": [
                        {
                            "id": condition.id,
                            "title": condition.title,
                            "what_it_is": condition.what_it_is,
                            "signs": list(condition.signs),
                            "doctor_checks": list(condition.doctor_checks),
                            "treatments": list(condition.treatment_ids),
                            "not_shown_to_work": list(condition.unproven_ids),
                        }
                        for condition in group.conditions
                    ],
                },
                group.checked_by,
            )
            for group in content.cause_groups
        ],
        "red_flags": list(content.red_flags),
        "red_flags_page": _with_checked_by(
            {"next_steps": list(content.red_flags_page.next_steps)}, content.red_flags_page.checked_by
        ),
        "glossary": [{"term": term.term, "meaning": term.meaning} for term in content.glossary],
        "topics": [
            _with_checked_by(
                {
                    "id": topic.id,
                    "title": topic.title,
                    "summary": topic.summary,
                    "key_points": list(topic.key_points),
                    "sections": [{"title": part.title, "entries": list(part.entries)} for part in topic.sections],
                    "next_steps": list(topic.next_steps),
                    "sources": list(topic.sources),
                    "treatments": list(topic.treatment_ids),
                },
                topic.checked_by,
            )
            for topic in content.topics
        ],
        "pictures": [
            {
                "id": pattern.id,
                "title": pattern.title,
                "caption": pattern.caption,
                "description": pattern.description,
                "picture": pattern.picture,
                "causes": list(pattern.cause_ids),
            }
            for pattern in content.pictures
        ],
        "settings": {key: settings[key] for key in DOCUMENT_SETTINGS if key in settings},
    }


def document_to_data(document: Document) -> dict[str, Any]:
    """A checked document back to plain data."""
    return content_to_document(document.content, document.settings())


def document_json(data: dict[str, Any]) -> bytes:
    """The document as UTF-8 JSON text, always written the same way (so exports can be compared)."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def content_from_document(data: Any, where: str) -> Content:
    """The checked content of a document; ContentError lists every problem, each naming file, item and field."""
    return parse_document(data, where).content


def parse_document(data: Any, where: str) -> Document:
    """The checked content and settings of a document; ContentError lists every problem found."""
    if not isinstance(data, dict):
        raise ContentError([Problem(where, "", "", f"must be a JSON object with the sections {', '.join(SECTIONS)}")])
    problems: list[Problem] = []
    _find_unplain_text(data, where, problems)
    for name in sorted(str(key) for key in set(data) - set(SECTIONS)):
        problems.append(Problem(where, "", name[:64], "unknown section (check the spelling)"))
    raw_treatments = _section(data, "treatments", where, problems)
    treatments = [
        treatment
        for position, raw in enumerate(raw_treatments)
        if _under_limit(problems, where) and (treatment := parse_treatment(raw, where, problems, position))
    ]
    groups = [
        group
        for position, raw in enumerate(_section(data, "causes", where, problems))
        if _under_limit(problems, where) and (group := parse_cause_group(raw, where, problems, position))
    ]
    red_flags = parse_red_flags(data.get("red_flags"), where, problems)
    red_flags_page = parse_red_flags_page(data.get("red_flags_page"), where, problems)
    glossary = parse_glossary(_section(data, "glossary", where, problems, quiet=True), where, problems)
    topics = [
        topic
        for position, raw in enumerate(_section(data, "topics", where, problems, optional=True))
        if (topic := parse_topic(raw, where, problems, position))
    ]
    pictures = [
        pattern
        for position, raw in enumerate(_section(data, "pictures", where, problems, optional=True))
        if (pattern := parse_picture(raw, where, problems, position))
    ]
    settings = _settings(data.get("settings"), where, problems)
    content = Content(
        tuple(treatments), tuple(groups), red_flags, glossary, red_flags_page, tuple(topics), tuple(pictures)
    )
    if _under_limit(problems, where):
        named = {raw["id"] for raw in raw_treatments if isinstance(raw, dict) and isinstance(raw.get("id"), str)}
        unreadable = frozenset(named - {treatment.id for treatment in treatments})
        check_whole(content, lambda kind, item: where, problems, unreadable)
        raw_causes = data.get("causes") if isinstance(data.get("causes"), list) else []
        named_causes = {raw["id"] for raw in raw_causes if isinstance(raw, dict) and isinstance(raw.get("id"), str)}
        check_guide(content, lambda kind, item: where, problems, frozenset(named_causes - {g.id for g in groups}))
        _check_icons(content, where, problems)
    if not problems:
        content = parse_translations(data.get("translations"), content, settings["doctor_guidance"], where, problems)
    if problems:
        raise ContentError(problems)
    return Document(content, settings["doctor_guidance"], settings.get("clinic_name"))


def _section(
    data: dict, name: str, where: str, problems: list[Problem], quiet: bool = False, optional: bool = False
) -> list:
    value = data.get(name)
    if optional and value is None:
        return []
    if isinstance(value, list) and len(value) > MAX_ITEMS:
        problems.append(Problem(where, "", name, f"has {len(value)} entries; at most {MAX_ITEMS}"))
        return []
    if isinstance(value, list) or quiet and value is not None:
        return value
    problems.append(Problem(where, "", name, "missing" if value is None else "must be a list"))
    return []


def _under_limit(problems: list[Problem], where: str) -> bool:
    if len(problems) < MAX_PROBLEMS:
        return True
    if problems[-1].message != "too many problems; stopped checking":
        problems.append(Problem(where, "", "", "too many problems; stopped checking"))
    return False


def _settings(raw: Any, where: str, problems: list[Problem]) -> dict[str, str]:
    if not isinstance(raw, dict):
        problems.append(Problem(where, "settings", "", "missing" if raw is None else "must be a table of settings"))
        return {}
    settings = {}
    for key in sorted(str(key) for key in set(raw) - set(DOCUMENT_SETTINGS)):
        problems.append(Problem(where, "settings", key[:64], "unknown setting (a pack carries only clinic_name and "
                                "doctor_guidance)"))  # fmt: skip
    if "doctor_guidance" not in raw:
        problems.append(Problem(where, "settings", "doctor_guidance", "missing"))
    for key in DOCUMENT_SETTINGS:
        if key not in raw:
            continue
        if not isinstance(raw[key], str):
            problems.append(Problem(where, "settings", key, f"must be text, not {type(raw[key]).__name__}"))
            continue
        try:
            settings[key] = check_setting(key, raw[key])
        except SettingError as error:
            problems.append(Problem(where, "settings", key, str(error)))
    return settings


def _check_icons(content: Content, where: str, problems: list[Problem]) -> None:
    for group in content.cause_groups:
        if not icon_path(group.icon).is_file():
            problems.append(Problem(where, group.id, "icon", f"there is no icon called '{group.icon}'"))


def _find_unplain_text(data: dict, where: str, problems: list[Problem]) -> None:
    for section, value in data.items():
        if section in ("treatments", "causes", "glossary", "topics", "pictures") and isinstance(value, list):
            for index, entry in enumerate(value):
                _walk_text(entry, where, problems, _entry_name(entry, index), "")
        else:
            _walk_text(value, where, problems, "", str(section)[:64])


def _entry_name(entry: Any, index: int) -> str:
    if isinstance(entry, dict):
        for key in ("id", "term"):
            if isinstance(entry.get(key), str) and not NOT_PLAIN_TEXT.search(entry[key]):
                return entry[key][:64]
    return f"#{index + 1}"


def _walk_text(value: Any, where: str, problems: list[Problem], item: str, path: str, depth: int = 1) -> None:
    if len(problems) >= MAX_PROBLEMS:
        return
    if depth > MAX_DEPTH:
        problems.append(Problem(where, item, path, "is nested too deeply"))
    elif isinstance(value, str):
        if NOT_PLAIN_TEXT.search(value):
            problems.append(Problem(where, item, path, "contains characters that are not plain text"))
    elif isinstance(value, dict):
        for key, entry in value.items():
            if not isinstance(key, str) or NOT_PLAIN_TEXT.search(key):
                problems.append(Problem(where, item, path, "has a field name that is not plain text"))
                continue
            _walk_text(entry, where, problems, item, f"{path}.{key}".strip("."), depth + 1)
    elif isinstance(value, list):
        for number, entry in enumerate(value, start=1):
            _walk_text(entry, where, problems, item, f"{path}[{number}]", depth + 1)


def printable(text: str, limit: int = 300) -> str:
    """Text safe to show staff or print: control and broken characters shown as '?', cut to `limit`."""
    text = _UNPRINTABLE.sub("?", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
