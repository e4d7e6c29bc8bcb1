"""Reading and replacing the published content tables."""

import json
import sqlite3

from kiosk.storage.db import transaction
from kiosk.storage.rows import (
    CauseGroup,
    CheckedBy,
    Condition,
    Content,
    Evidence,
    GlossaryTerm,
    PicturePattern,
    RedFlagsPage,
    Topic,
    TopicSection,
    Treatment,
)
from kiosk.storage.translations import read_translations, write_translations

_TREATMENT_COLUMNS = (
    "id", "name", "summary", "what_it_is", "how_used", "evidence", "evidence_reason", "status",
    "who_may_help", "results_time", "if_you_stop", "side_effects", "who_must_avoid", "questions",
    "sources", "last_reviewed", "key_points", "get_help_now", "get_help_action", "next_steps", "checked_by",
)  # fmt: skip
_LIST_COLUMNS = {"questions", "sources", "signs", "doctor_checks", "key_points", "get_help_now", "next_steps"}
_TABLES = (
    "condition_treatment", "condition", "cause_group", "treatment", "red_flag", "glossary", "red_flags_page",
    "topic", "picture_pattern",
)  # fmt: skip


def _list(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text))


def _checked_by(text: str | None) -> CheckedBy | None:
    if not text:
        return None
    data = json.loads(text)
    return CheckedBy(data["name"], data["role"], data["date"])


def _checked_by_json(checked_by: CheckedBy | None) -> str | None:
    if checked_by is None:
        return None
    return json.dumps({"name": checked_by.name, "role": checked_by.role, "date": checked_by.date})


def _treatment_from_row(row: sqlite3.Row) -> Treatment:
    values = {name: row[name] for name in _TREATMENT_COLUMNS}
    values["evidence"] = Evidence(values["evidence"])
    for name in _LIST_COLUMNS & set(values):
        values[name] = _list(values[name])
    values["checked_by"] = _checked_by(values["checked_by"])
    return Treatment(**values)


def _topic_from_row(row: sqlite3.Row) -> Topic:
    sections = tuple(TopicSection(part["title"], tuple(part["entries"])) for part in json.loads(row["sections"]))
    return Topic(
        row["id"],
        row["title"],
        row["summary"],
        _list(row["key_points"]),
        sections,
        _list(row["next_steps"]),
        _list(row["sources"]),
        _checked_by(row["checked_by"]),
        _list(row["treatments"]),
    )


def _read_guide(conn: sqlite3.Connection) -> tuple[RedFlagsPage, tuple[Topic, ...], tuple[PicturePattern, ...]]:
    page_row = conn.execute("SELECT next_steps, checked_by FROM red_flags_page WHERE id = 1").fetchone()
    page = RedFlagsPage(_list(page_row["next_steps"]), _checked_by(page_row["checked_by"])) if page_row else None
    topics = tuple(_topic_from_row(row) for row in conn.execute("SELECT * FROM topic ORDER BY position"))
    pictures = tuple(
        PicturePattern(
            row["id"], row["title"], row["caption"], row["description"], row["picture"], _list(row["causes"])
        )
        for row in conn.execute("SELECT * FROM picture_pattern ORDER BY position")
    )
    return page or RedFlagsPage(), topics, pictures


def read_content(conn: sqlite3.Connection) -> Content:
    """All published content, in display order."""
    conn.row_factory = sqlite3.Row
    try:
        treatments = tuple(
            _treatment_from_row(row) for row in conn.execute("SELECT * FROM treatment ORDER BY position")
        )
        links: dict[str, list[str]] = {}
        for row in conn.execute("SELECT condition_id, treatment_id FROM condition_treatment ORDER BY position"):
            links.setdefault(row["condition_id"], []).append(row["treatment_id"])
        conditions: dict[str, list[Condition]] = {}
        for row in conn.execute("SELECT * FROM condition ORDER BY position"):
            conditions.setdefault(row["group_id"], []).append(
                Condition(
                    id=row["id"],
                    title=row["title"],
                    what_it_is=row["what_it_is"],
                    signs=tuple(json.loads(row["signs"])),
                    doctor_checks=tuple(json.loads(row["doctor_checks"])),
                    treatment_ids=tuple(links.get(row["id"], ())),
                    unproven_ids=_list(row["not_shown_to_work"]),
                )
            )
        groups = tuple(
            CauseGroup(
                row["id"],
                row["title"],
                row["summary"],
                row["icon"],
                tuple(conditions.get(row["id"], ())),
                _list(row["key_points"]),
                _list(row["next_steps"]),
                _checked_by(row["checked_by"]),
            )
            for row in conn.execute("SELECT * FROM cause_group ORDER BY position")
        )
        red_flags = tuple(row["text"] for row in conn.execute("SELECT text FROM red_flag ORDER BY position"))
        glossary = tuple(
            GlossaryTerm(row["term"], row["meaning"])
            for row in conn.execute("SELECT term, meaning FROM glossary ORDER BY position")
        )
        red_flags_page, topics, pictures = _read_guide(conn)
    finally:
        conn.row_factory = None
    translations = read_translations(conn)
    return Content(treatments, groups, red_flags, glossary, red_flags_page, topics, pictures, translations)


def has_content(conn: sqlite3.Connection) -> bool:
    """Whether any treatment card has been published."""
    return conn.execute("SELECT EXISTS (SELECT 1 FROM treatment)").fetchone()[0] == 1


def lacks_safety_sections(conn: sqlite3.Connection) -> bool:
    """Whether published content predates the safety sections: a card with no "Get help now" signs."""
    return conn.execute("SELECT EXISTS (SELECT 1 FROM treatment WHERE get_help_now = '[]')").fetchone()[0] == 1


def replace_content(conn: sqlite3.Connection, content: Content) -> None:
    """Replace all published content with `content` in one transaction."""
    with transaction(conn):
        for table in _TABLES:
            conn.execute(f"DELETE FROM {table}")
        placeholders = ", ".join("?" for _ in range(len(_TREATMENT_COLUMNS) + 1))
        conn.executemany(
            f"INSERT INTO treatment (position, {', '.join(_TREATMENT_COLUMNS)}) VALUES ({placeholders})",
            [
                (position, *(_column_value(treatment, name) for name in _TREATMENT_COLUMNS))
                for position, treatment in enumerate(content.treatments)
            ],
        )
        for group_position, group in enumerate(content.cause_groups):
            conn.execute(
                "INSERT INTO cause_group (id, position, title, summary, icon, key_points, next_steps, checked_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    group.id,
                    group_position,
                    group.title,
                    group.summary,
                    group.icon,
                    json.dumps(list(group.key_points)),
                    json.dumps(list(group.next_steps)),
                    _checked_by_json(group.checked_by),
                ),
            )
            for condition_position, condition in enumerate(group.conditions):
                conn.execute(
                    "INSERT INTO condition (id, group_id, position, title, what_it_is, signs, doctor_checks,"
                    " not_shown_to_work) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        condition.id,
                        group.id,
                        condition_position,
                        condition.title,
                        condition.what_it_is,
                        json.dumps(list(condition.signs)),
                        json.dumps(list(condition.doctor_checks)),
                        json.dumps(list(condition.unproven_ids)),
                    ),
                )
                conn.executemany(
                    "INSERT INTO condition_treatment (condition_id, treatment_id, position) VALUES (?, ?, ?)",
                    [(condition.id, tid, position) for position, tid in enumerate(condition.treatment_ids)],
                )
        conn.executemany("INSERT INTO red_flag (position, text) VALUES (?, ?)", list(enumerate(content.red_flags)))
        conn.executemany(
            "INSERT INTO glossary (term, position, meaning) VALUES (?, ?, ?)",
            [(term.term, position, term.meaning) for position, term in enumerate(content.glossary)],
        )
        _write_guide(conn, content)
        write_translations(conn, content.translations)


def _write_guide(conn: sqlite3.Connection, content: Content) -> None:
    page = content.red_flags_page
    conn.execute(
        "INSERT INTO red_flags_page (id, next_steps, checked_by) VALUES (1, ?, ?)",
        (json.dumps(list(page.next_steps)), _checked_by_json(page.checked_by)),
    )
    conn.executemany(
        "INSERT INTO topic (id, position, title, summary, key_points, sections, next_steps, sources, checked_by,"
        " treatments) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                topic.id,
                position,
                topic.title,
                topic.summary,
                json.dumps(list(topic.key_points)),
                json.dumps([{"title": part.title, "entries": list(part.entries)} for part in topic.sections]),
                json.dumps(list(topic.next_steps)),
                json.dumps(list(topic.sources)),
                _checked_by_json(topic.checked_by),
                json.dumps(list(topic.treatment_ids)),
            )
            for position, topic in enumerate(content.topics)
        ],
    )
    conn.executemany(
        "INSERT INTO picture_pattern (id, position, title, caption, description, picture, causes)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (p.id, position, p.title, p.caption, p.description, p.picture, json.dumps(list(p.cause_ids)))
            for position, p in enumerate(content.pictures)
        ],
    )


def _column_value(treatment: Treatment, name: str) -> str | None:
    value = getattr(treatment, name)
    if name == "checked_by":
        return _checked_by_json(value)
    if name in _LIST_COLUMNS:
        return json.dumps(list(value))
    return str(value)
