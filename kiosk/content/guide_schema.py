"""The shape of the warning-signs page, topic screens and the picture guide, and the safety checks across items.

Like kiosk.content.schema, every problem names the file, the item and the field.
"""

import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.content.schema import (
    KEY_POINTS,
    LONG_TEXT,
    MAX_NEXT_STEPS,
    SHORT_TEXT,
    Problem,
    _Checker,
    _item_name,
)
from kiosk.resources import picture_path
from kiosk.storage.rows import Content, Evidence, PicturePattern, RedFlagsPage, Topic, TopicSection

RED_FLAGS_PAGE_FIELDS = {"next_steps", "checked_by"}
TOPIC_FIELDS = {"id", "title", "summary", "key_points", "sections", "next_steps", "sources", "checked_by", "treatments"}
PICTURE_FIELDS = {"id", "title", "caption", "description", "picture", "causes"}
UNPROVEN_HEADING = "Sold for this, but not shown to work"
SVG_TAGS = {"svg", "{http://www.w3.org/2000/svg}svg"}


def parse_red_flags_page(raw: Any, where: str, problems: list[Problem]) -> RedFlagsPage:
    """The numbered next steps and the checked-by line of the warning-signs page."""
    check = _Checker(problems, where, "red flags")
    if raw is None:
        return RedFlagsPage()
    if not isinstance(raw, dict):
        check.problem("", "must be a table with next_steps and checked_by")
        return RedFlagsPage()
    check.unknown_fields(raw, RED_FLAGS_PAGE_FIELDS)
    steps = check.counted_list(raw, "next_steps", 1, MAX_NEXT_STEPS, required=False)
    return RedFlagsPage(steps, check.checked_by(raw))


def parse_topic(raw: Any, where: str, problems: list[Problem], index: int = 0) -> Topic | None:
    """A checked topic screen from plain data, or None (with problems added)."""
    check = _Checker(problems, where, _item_name(raw, index))
    if not isinstance(raw, dict):
        check.problem("", "must be a table of fields")
        return None
    before = len(problems)
    check.unknown_fields(raw, TOPIC_FIELDS)
    topic_id = check.identifier(raw)
    title = check.text(raw, "title", SHORT_TEXT)
    summary = check.text(raw, "summary", LONG_TEXT)
    key_points = check.counted_list(raw, "key_points", *KEY_POINTS)
    steps = check.counted_list(raw, "next_steps", 1, MAX_NEXT_STEPS)
    sources = check.text_list(raw, "sources", limit=200)
    sections = []
    raw_sections = raw.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        check.problem("sections", "must list at least one section with a title and entries")
    else:
        for number, entry in enumerate(raw_sections, start=1):
            if not isinstance(entry, dict):
                check.problem(f"sections #{number}", "must be a table with a title and entries")
                continue
            check.unknown_fields(entry, {"title", "entries"})
            sections.append(TopicSection(check.text(entry, "title", SHORT_TEXT), check.text_list(entry, "entries")))
    checked_by = check.checked_by(raw)
    treatment_ids = check.text_list(raw, "treatments", limit=64, required=False)
    if len(problems) > before:
        return None
    return Topic(topic_id, title, summary, key_points, tuple(sections), steps, sources, checked_by, treatment_ids)


def parse_picture(raw: Any, where: str, problems: list[Problem], index: int = 0) -> PicturePattern | None:
    """A checked pattern of the picture guide from plain data, or None (with problems added)."""
    check = _Checker(problems, where, _item_name(raw, index))
    if not isinstance(raw, dict):
        check.problem("", "must be a table of fields")
        return None
    before = len(problems)
    check.unknown_fields(raw, PICTURE_FIELDS)
    pattern = PicturePattern(
        id=check.identifier(raw),
        title=check.text(raw, "title", SHORT_TEXT),
        caption=check.text(raw, "caption", 300),
        description=check.text(raw, "description", 400),
        picture=check.identifier(raw, "picture"),
        cause_ids=check.text_list(raw, "causes", limit=64),
    )
    if not pattern.cause_ids and "causes" in raw:
        check.problem("causes", "name at least one cause page to read")
    if pattern.picture:
        problem = svg_problem(picture_path(pattern.picture))
        if problem:
            check.problem("picture", problem)
    return pattern if len(problems) == before else None


def svg_problem(path: Path) -> str:
    """Why the file at `path` cannot be shown as a drawing, or "" if it is a readable SVG file."""
    if not path.is_file():
        return f"there is no drawing called '{path.stem}' (looked for {path.name} in assets/pictures)"
    try:
        root = ElementTree.parse(path).getroot()
    except (ElementTree.ParseError, OSError, UnicodeDecodeError) as error:
        return f"the drawing {path.name} is not a valid SVG file ({error})"
    if root.tag not in SVG_TAGS:
        return f"the drawing {path.name} is not an SVG file (it starts with <{root.tag}>)"
    return ""


def check_guide(
    content: Content,
    where_of: Callable[[str, str], str],
    problems: list[Problem],
    unreadable_causes: frozenset[str] = frozenset(),
) -> None:
    """Not proven cards only under their own heading; picture links and ids that resolve."""
    cards = {card.id: card for card in content.treatments}
    for group in content.cause_groups:
        where = where_of("cause", group.id)
        for condition in group.conditions:
            for card_id in condition.treatment_ids:
                if card_id in cards and cards[card_id].evidence is Evidence.NOT_PROVEN:
                    problems.append(
                        Problem(
                            where,
                            condition.id,
                            "treatments",
                            f"lists '{card_id}', a Not proven card, among the "
                            f"treatments that may help; move it to not_shown_to_work (shown under "
                            f'"{UNPROVEN_HEADING}")',
                        )  # fmt: skip
                    )
            for card_id in condition.unproven_ids:
                if card_id not in cards:
                    message = f"links to a treatment card '{card_id}' that does not exist"
                elif cards[card_id].evidence is not Evidence.NOT_PROVEN:
                    message = f"lists '{card_id}', which is not a Not proven card; list it under treatments"
                elif card_id in condition.treatment_ids:
                    message = f"lists '{card_id}' under treatments too"
                else:
                    continue
                problems.append(Problem(where, condition.id, "not_shown_to_work", message))
    _check_unique([topic.id for topic in content.topics], where_of("topic", ""), problems)
    for topic in content.topics:
        for card_id in topic.treatment_ids:
            if card_id not in cards:
                message = f"links to a treatment card '{card_id}' that does not exist"
            elif cards[card_id].evidence is Evidence.NOT_PROVEN:
                message = f"lists '{card_id}', a Not proven card, as something to read more about"
            else:
                continue
            problems.append(Problem(where_of("topic", topic.id), topic.id, "treatments", message))
    _check_unique([pattern.id for pattern in content.pictures], where_of("picture", ""), problems)
    group_ids = {group.id for group in content.cause_groups} | unreadable_causes  # those are reported once already
    for pattern in content.pictures:
        for cause_id in pattern.cause_ids:
            if cause_id not in group_ids:
                problems.append(
                    Problem(
                        where_of("picture", ""),
                        pattern.id,
                        "causes",
                        f"links to a cause '{cause_id}' that does not exist",
                    )  # fmt: skip
                )


def _check_unique(ids: list[str], where: str, problems: list[Problem]) -> None:
    for item_id in sorted({item_id for item_id in ids if ids.count(item_id) > 1}):
        problems.append(Problem(where, item_id, "id", "used twice"))
