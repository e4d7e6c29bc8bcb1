"""What the anonymous counts say, for staff: daily totals for a chart, the most-opened cards, and a CSV export."""

import datetime
import sqlite3
from collections import Counter
from dataclasses import dataclass

from kiosk.content.settings import load_settings
from kiosk.storage.content_tables import read_content
from kiosk.storage.counts import DayCount, read_counts

REMOVED_CARD = "A card no longer shown"
CSV_HEADER = ["day", "what", "name", "count"]
WHAT = {"screen": "screen opened", "card": "card opened", "summary": "list of questions"}
SCREEN_NAMES = {
    "causes": "What might be causing it?",
    "cause": "A cause",
    "treatment": "A treatment card",
    "treatments": "All treatments",
    "compare": "Compare treatments",
    "red_flags": "See a doctor soon if…",
    "glossary": "Words explained",
    "my_questions": "My questions",
}
SUMMARY_NAMES = {"shown": "shown on screen", "printed": "printed"}


@dataclass(frozen=True)
class DayTotals:
    """One day's totals for everyone together."""

    day: datetime.date
    screens: int
    cards: int
    summaries: int


@dataclass(frozen=True)
class CardTotal:
    """How often one card was opened over the days shown."""

    name: str
    count: int


@dataclass(frozen=True)
class Insights:
    """The last days' totals, the most-opened cards, and whether counting is on."""

    days: tuple[DayTotals, ...]
    top_cards: tuple[CardTotal, ...]
    counting: bool
    keep_days: int

    @property
    def has_counts(self) -> bool:
        """Whether anything was counted in these days."""
        return any(day.screens or day.cards or day.summaries for day in self.days)


def load_insights(conn: sqlite3.Connection, days: int = 30, today: datetime.date | None = None,
                  top: int = 10) -> Insights:  # fmt: skip
    """The totals of the last `days` days (today included, days with nothing as zeros) and the `top` cards."""
    today = today or datetime.date.today()
    first = today - datetime.timedelta(days=days - 1)
    counts = read_counts(conn, first)
    per_day: dict[tuple[str, str], int] = Counter()
    per_card: Counter[str] = Counter()
    for row in counts:
        per_day[(row.day, row.kind)] += row.count
        if row.kind == "card":
            per_card[row.name] += row.count
    totals = []
    for offset in range(days):
        day = first + datetime.timedelta(days=offset)
        key = day.isoformat()
        totals.append(DayTotals(day, per_day[(key, "screen")], per_day[(key, "card")], per_day[(key, "summary")]))
    names = card_names(conn)
    top_cards = tuple(CardTotal(names.get(card_id, REMOVED_CARD), n) for card_id, n in per_card.most_common(top))
    settings = load_settings(conn)
    return Insights(tuple(totals), top_cards, bool(settings.count_visits), settings.counts_keep_days)


def card_names(conn: sqlite3.Connection) -> dict[str, str]:
    """Card names by id, from the published content."""
    return {card.id: card.name for card in read_content(conn).treatments}


def csv_rows(conn: sqlite3.Connection) -> list[list[str]]:
    """Every stored count as rows for a spreadsheet: day, what, name (cards by their name), count."""
    names = card_names(conn)
    return [CSV_HEADER] + [_csv_row(row, names) for row in read_counts(conn)]


def _csv_row(row: DayCount, names: dict[str, str]) -> list[str]:
    shown_as = {"card": names, "screen": SCREEN_NAMES, "summary": SUMMARY_NAMES}[row.kind]
    name = shown_as.get(row.name, REMOVED_CARD if row.kind == "card" else row.name)
    return [row.day, WHAT[row.kind], name, str(row.count)]
