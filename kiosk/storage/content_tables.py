"""Reading and replacing the published content tables."""

import json
import sqlite3

from kiosk.storage.db import transaction
from kiosk.storage.rows import CauseGroup, Condition, Content, Evidence, GlossaryTerm, Treatment

_TREATMENT_COLUMNS = (
    "id", "name", "summary", "what_it_is", "how_used", "evidence", "evidence_reason", "status",
    "who_may_help", "results_time", "if_you_stop", "side_effects", "who_must_avoid", "questions",
    "sources", "last_reviewed",
)  # fmt: skip
_LIST_COLUMNS = {"questions", "sources", "signs", "doctor_checks"}


def _treatment_from_row(row: sqlite3.Row) -> Treatment:
    values = {name: row[name] for name in _TREATMENT_COLUMNS}
    values["evidence"] = Evidence(values["evidence"])
    values["questions"] = tuple(json.loads(values["questions"]))
    values["sources"] = tuple(json.loads(values["sources"]))
    return Treatment(**values)


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
                )
            )
        groups = tuple(
            CauseGroup(row["id"], row["title"], row["summary"], row["icon"], tuple(conditions.get(row["id"], ())))
            for row in conn.execute("SELECT * FROM cause_group ORDER BY position")
        )
        red_flags = tuple(row["text"] for row in conn.execute("SELECT text FROM red_flag ORDER BY position"))
        glossary = tuple(
            GlossaryTerm(row["term"], row["meaning"])
            for row in conn.execute("SELECT term, meaning FROM glossary ORDER BY position")
        )
    finally:
        conn.row_factory = None
    return Content(treatments, groups, red_flags, glossary)


def has_content(conn: sqlite3.Connection) -> bool:
    """Whether any treatment card has been published."""
    return conn.execute("SELECT EXISTS (SELECT 1 FROM treatment)").fetchone()[0] == 1


def replace_content(conn: sqlite3.Connection, content: Content) -> None:
    """Replace all published content with `content` in one transaction."""
    with transaction(conn):
        for table in ("condition_treatment", "condition", "cause_group", "treatment", "red_flag", "glossary"):
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
                "INSERT INTO cause_group (id, position, title, summary, icon) VALUES (?, ?, ?, ?, ?)",
                (group.id, group_position, group.title, group.summary, group.icon),
            )
            for condition_position, condition in enumerate(group.conditions):
                conn.execute(
                    "INSERT INTO condition (id, group_id, position, title, what_it_is, signs, doctor_checks)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        condition.id,
                        group.id,
                        condition_position,
                        condition.title,
                        condition.what_it_is,
                        json.dumps(list(condition.signs)),
                        json.dumps(list(condition.doctor_checks)),
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


def _column_value(treatment: Treatment, name: str) -> str:
    value = getattr(treatment, name)
    if name in _LIST_COLUMNS:
        return json.dumps(list(value))
    return str(value)
