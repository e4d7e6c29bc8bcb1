"""Editing "Words explained": each hard word and what it means, one per line, like "Alopecia: hair loss"."""

from typing import Any

from kiosk.admin.staff.fields import ListField
from kiosk.admin.staff.form_page import FormPage
from kiosk.content.editing import DRAFT, get_draft, set_glossary
from kiosk.content.schema import ContentError, Problem

SEPARATOR = ":"
HINT = (
    "One word per line: the word, a colon, then what it means in plain words. For example:  "
    "Alopecia: the medical word for hair loss."
)


def word_lines(pairs) -> list[str]:
    """Words explained as the lines staff edit."""
    return [f"{entry.term}{SEPARATOR} {entry.meaning}" for entry in pairs]


def parse_word_lines(lines: list[str]) -> list[tuple[str, str]]:
    """The lines back into (word, meaning) pairs; ContentError naming each line without a colon."""
    pairs, problems = [], []
    for number, line in enumerate(lines, start=1):
        term, found, meaning = line.partition(SEPARATOR)
        if not found or not term.strip() or not meaning.strip():
            problems.append(
                Problem(
                    DRAFT,
                    "",
                    "glossary",
                    f"Line {number} needs the word, a colon, then its meaning, like "
                    "“Alopecia: the medical word for hair loss”",
                )
            )
        pairs.append((term.strip(), meaning.strip()))
    if problems:
        raise ContentError(problems)
    return pairs


class GlossaryPage(FormPage):
    """The hard words patients can look up with "Words explained", in the order they are listed."""

    title = "Edit words explained"

    def __init__(self, area):
        field = ListField("glossary", "Words explained", HINT, 12)
        super().__init__(area, [field], {"glossary": word_lines(get_draft(area.conn).content.glossary)})

    def write(self, changes: dict[str, Any]) -> None:
        set_glossary(self.conn, parse_word_lines(changes["glossary"]))
