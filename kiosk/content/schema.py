"""The shape of content as plain data (TOML files, pack JSON), and turning it into checked dataclasses.

Every problem names where it is (file), which item, and which field, so staff can find and fix it.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.content.plain_text import CONTROL_CHARACTERS
from kiosk.storage.rows import CauseGroup, CheckedBy, Condition, Content, Evidence, GlossaryTerm, Treatment

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
SHORT_TEXT = 120
LONG_TEXT = 1500
MAX_LIST_ITEMS = 20
MAX_TREATMENTS = 20_000

TREATMENT_TEXT_FIELDS = {
    "name": SHORT_TEXT,
    "summary": 300,
    "what_it_is": LONG_TEXT,
    "how_used": LONG_TEXT,
    "evidence_reason": 300,
    "status": LONG_TEXT,
    "who_may_help": LONG_TEXT,
    "results_time": LONG_TEXT,
    "if_you_stop": LONG_TEXT,
    "side_effects": LONG_TEXT,
    "who_must_avoid": LONG_TEXT,
    "get_help_action": 300,
}
TREATMENT_LIST_FIELDS = ("questions", "sources", "key_points", "get_help_now", "next_steps")
TREATMENT_FIELDS = {
    "id", "evidence", "last_reviewed", "checked_by", *TREATMENT_TEXT_FIELDS, *TREATMENT_LIST_FIELDS,
}  # fmt: skip
CONDITION_FIELDS = {"id", "title", "what_it_is", "signs", "doctor_checks", "treatments", "not_shown_to_work"}
GROUP_FIELDS = {"id", "title", "summary", "icon", "conditions", "key_points", "next_steps", "checked_by"}
CHECKED_BY_FIELDS = {"name", "role", "date"}
KEY_POINTS = (2, 3)
MAX_GET_HELP_SIGNS = 6
MAX_NEXT_STEPS = 5


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, and where."""

    where: str
    item: str
    field: str
    message: str

    def __str__(self) -> str:
        item = f", item '{self.item}'" if self.item else ""
        field = f", field '{self.field}'" if self.field else ""
        return f"{self.where}{item}{field}: {self.message}"


class ContentError(Exception):
    """Content that cannot be loaded; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


class _Checker:
    """Collects problems while reading one item."""

    def __init__(self, problems: list[Problem], where: str, item: str):
        self.problems, self.where, self.item = problems, where, item

    def problem(self, field: str, message: str) -> None:
        self.problems.append(Problem(self.where, self.item, field, message))

    def unknown_fields(self, raw: dict, allowed: set[str]) -> None:
        for name in sorted(set(raw) - allowed):
            self.problem(str(name), "unknown field (check the spelling)")

    def text(self, raw: dict, field: str, limit: int) -> str:
        value = raw.get(field)
        if value is None:
            self.problem(field, "missing")
            return ""
        if not isinstance(value, str):
            self.problem(field, f"must be text, not {type(value).__name__}")
            return ""
        value = value.strip()
        if not value:
            self.problem(field, "is empty")
        elif len(value) > limit:
            self.problem(field, f"is too long ({len(value)} characters; at most {limit})")
        elif CONTROL_CHARACTERS.search(value):
            self.problem(field, "contains control characters")
        return value

    def text_list(self, raw: dict, field: str, limit: int = LONG_TEXT, required: bool = True) -> tuple[str, ...]:
        value = raw.get(field)
        if value is None:
            if required:
                self.problem(field, "missing")
            return ()
        if not isinstance(value, list) or not all(isinstance(entry, str) for entry in value):
            self.problem(field, "must be a list of texts")
            return ()
        if len(value) > MAX_LIST_ITEMS:
            self.problem(field, f"has {len(value)} entries; at most {MAX_LIST_ITEMS}")
            return ()
        entries = tuple(entry.strip() for entry in value)
        for number, entry in enumerate(entries, start=1):
            if not entry:
                self.problem(field, f"entry {number} is empty")
            elif len(entry) > limit:
                self.problem(field, f"entry {number} is too long ({len(entry)} characters; at most {limit})")
            elif CONTROL_CHARACTERS.search(entry):
                self.problem(field, f"entry {number} contains control characters")
        return entries

    def counted_list(self, raw: dict, field: str, least: int, most: int, required: bool = True) -> tuple[str, ...]:
        """A list of short texts with between `least` and `most` entries (or none at all if not `required`)."""
        entries = self.text_list(raw, field, limit=300, required=required)
        if (entries or required and field in raw) and not least <= len(entries) <= most:
            self.problem(field, f"has {len(entries)} entries; give {least} to {most}")
        return entries

    def checked_by(self, raw: dict, field: str = "checked_by") -> CheckedBy | None:
        """Who checked the item and when: a table of name, role and a date that is not in the future."""
        value = raw.get(field)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.problem(field, "must be a table with name, role and date")
            return None
        for name in sorted(set(value) - CHECKED_BY_FIELDS):
            self.problem(f"{field}.{name}", "unknown field (check the spelling)")
        name = self.text({f"{field}.name": value.get("name")}, f"{field}.name", SHORT_TEXT)
        role = self.text({f"{field}.role": value.get("role")}, f"{field}.role", SHORT_TEXT)
        when = _iso_date(value.get("date"))
        if when is None:
            self.problem(f"{field}.date", "must be a date like 2026-11-25")
            return None
        if when > datetime.date.today():
            self.problem(f"{field}.date", f"{when.isoformat()} is in the future; give the day it was checked")
            return None
        return CheckedBy(name, role, when.isoformat()) if name and role else None

    def identifier(self, raw: dict, field: str = "id") -> str:
        value = raw.get(field)
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            self.problem(field, "must be a short id of lowercase letters, digits and dashes, like 'vitamin-d'")
            return ""
        return value


def _iso_date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _item_name(raw: Any, index: int) -> str:
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        return raw["id"][:64]
    return f"#{index + 1}"


def parse_treatment(raw: Any, where: str, problems: list[Problem], index: int = 0) -> Treatment | None:
    """A checked treatment card from plain data, or None (with problems added)."""
    check = _Checker(problems, where, _item_name(raw, index))
    if not isinstance(raw, dict):
        check.problem("", "must be a table of fields")
        return None
    before = len(problems)
    check.unknown_fields(raw, TREATMENT_FIELDS)
    treatment_id = check.identifier(raw)
    texts = {field: check.text(raw, field, limit) for field, limit in TREATMENT_TEXT_FIELDS.items()}
    evidence_value = raw.get("evidence")
    evidence = Evidence.NOT_PROVEN
    try:
        evidence = Evidence(evidence_value)
    except ValueError:
        allowed = ", ".join(level.value for level in Evidence)
        check.problem("evidence", f"'{evidence_value}' is not an evidence level (use one of: {allowed})")
    questions = check.text_list(raw, "questions", limit=300)
    if questions and not 2 <= len(questions) <= 4:
        check.problem("questions", f"has {len(questions)} questions; give 2 to 4")
    sources = check.text_list(raw, "sources", limit=200)
    if not sources and "sources" in raw:
        check.problem("sources", "name at least one source")
    last_reviewed = _date(check, raw)
    get_help_now = check.counted_list(raw, "get_help_now", 1, MAX_GET_HELP_SIGNS)
    key_points = check.counted_list(raw, "key_points", *KEY_POINTS, required=False)
    next_steps = check.counted_list(raw, "next_steps", 1, MAX_NEXT_STEPS, required=False)
    checked_by = check.checked_by(raw)
    if len(problems) > before:
        return None
    return Treatment(
        id=treatment_id,
        evidence=evidence,
        questions=questions,
        sources=sources,
        last_reviewed=last_reviewed,
        key_points=key_points,
        get_help_now=get_help_now,
        next_steps=next_steps,
        checked_by=checked_by,
        **texts,
    )


def _date(check: _Checker, raw: dict) -> str:
    value = raw.get("last_reviewed")
    if isinstance(value, datetime.date):
        return value.isoformat()
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        check.problem("last_reviewed", "must be a date like 2026-11-25")
        return ""


def parse_cause_group(raw: Any, where: str, problems: list[Problem], index: int = 0) -> CauseGroup | None:
    """A checked cause group (with its conditions) from plain data, or None (with problems added)."""
    check = _Checker(problems, where, _item_name(raw, index))
    if not isinstance(raw, dict):
        check.problem("", "must be a table of fields")
        return None
    before = len(problems)
    check.unknown_fields(raw, GROUP_FIELDS)
    group_id = check.identifier(raw)
    title = check.text(raw, "title", SHORT_TEXT)
    summary = check.text(raw, "summary", LONG_TEXT)
    icon = check.identifier(raw, "icon")
    key_points = check.counted_list(raw, "key_points", *KEY_POINTS, required=False)
    next_steps = check.counted_list(raw, "next_steps", 1, MAX_NEXT_STEPS, required=False)
    checked_by = check.checked_by(raw)
    raw_conditions = raw.get("conditions")
    conditions: list[Condition] = []
    if not isinstance(raw_conditions, list) or not raw_conditions:
        check.problem("conditions", "must list at least one cause")
    else:
        for position, raw_condition in enumerate(raw_conditions):
            condition = _parse_condition(raw_condition, where, problems, position)
            if condition:
                conditions.append(condition)
    if len(problems) > before:
        return None
    return CauseGroup(group_id, title, summary, icon, tuple(conditions), key_points, next_steps, checked_by)


def _parse_condition(raw: Any, where: str, problems: list[Problem], index: int) -> Condition | None:
    check = _Checker(problems, where, _item_name(raw, index))
    if not isinstance(raw, dict):
        check.problem("", "must be a table of fields")
        return None
    check.unknown_fields(raw, CONDITION_FIELDS)
    return Condition(
        id=check.identifier(raw),
        title=check.text(raw, "title", SHORT_TEXT),
        what_it_is=check.text(raw, "what_it_is", LONG_TEXT),
        signs=check.text_list(raw, "signs"),
        doctor_checks=check.text_list(raw, "doctor_checks"),
        treatment_ids=check.text_list(raw, "treatments", limit=64, required=False),
        unproven_ids=check.text_list(raw, "not_shown_to_work", limit=64, required=False),
    )


def parse_glossary(raw: Any, where: str, problems: list[Problem]) -> tuple[GlossaryTerm, ...]:
    """Checked glossary terms from a list of {term, meaning} tables."""
    if not isinstance(raw, list):
        problems.append(Problem(where, "", "glossary", "must be a list of terms"))
        return ()
    terms = []
    for index, entry in enumerate(raw):
        name = entry.get("term", f"#{index + 1}") if isinstance(entry, dict) else f"#{index + 1}"
        check = _Checker(problems, where, str(name)[:64])
        if not isinstance(entry, dict):
            check.problem("", "must be a table with 'term' and 'meaning'")
            continue
        check.unknown_fields(entry, {"term", "meaning"})
        terms.append(GlossaryTerm(check.text(entry, "term", SHORT_TEXT), check.text(entry, "meaning", 400)))
    return tuple(terms)


def parse_red_flags(raw: Any, where: str, problems: list[Problem]) -> tuple[str, ...]:
    """Checked warning signs ("See a doctor soon if...") from a list of texts."""
    return _Checker(problems, where, "").text_list({"red_flags": raw}, "red_flags", limit=300)


def check_whole(
    content: Content,
    where_of: Callable[[str, str], str],
    problems: list[Problem],
    unreadable_ids: frozenset[str] = frozenset(),
) -> None:
    """Checks across items: unique ids, links that point to real cards, red flags present.

    Links to `unreadable_ids` (cards that failed their own checks) are not reported again.
    """
    seen: set[str] = set(unreadable_ids)
    for treatment in content.treatments:
        if treatment.id in seen:
            problems.append(Problem(where_of("treatment", treatment.id), treatment.id, "id", "used twice"))
        seen.add(treatment.id)
    if not content.treatments:
        problems.append(Problem(where_of("treatment", ""), "", "treatments", "there are no treatment cards"))
    if len(content.treatments) > MAX_TREATMENTS:
        problems.append(Problem(where_of("treatment", ""), "", "treatments", "too many treatment cards"))
    condition_ids: set[str] = set()
    group_ids: set[str] = set()
    for group in content.cause_groups:
        if group.id in group_ids:
            problems.append(Problem(where_of("cause", group.id), group.id, "id", "used twice"))
        group_ids.add(group.id)
        for condition in group.conditions:
            if condition.id in condition_ids:
                problems.append(Problem(where_of("cause", group.id), condition.id, "id", "used twice"))
            condition_ids.add(condition.id)
            for treatment_id in condition.treatment_ids:
                if treatment_id not in seen:
                    problems.append(
                        Problem(
                            where_of("cause", group.id),
                            condition.id,
                            "treatments",
                            f"links to a treatment card '{treatment_id}' that does not exist",
                        )
                    )
            if len(set(condition.treatment_ids)) != len(condition.treatment_ids):
                problems.append(Problem(where_of("cause", group.id), condition.id, "treatments", "lists a card twice"))
    if not content.cause_groups:
        problems.append(Problem(where_of("cause", ""), "", "causes", "there are no causes"))
    terms = [entry.term.casefold() for entry in content.glossary]
    for term in sorted({term for term in terms if terms.count(term) > 1}):
        problems.append(Problem(where_of("glossary", ""), term, "term", "is explained twice"))
    if not content.red_flags:
        problems.append(Problem(where_of("red_flags", ""), "", "red_flags", "there are no warning signs"))
