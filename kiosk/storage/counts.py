"""Anonymous daily visit counts: added in batches, read back as totals, and deleted once older than kept."""

import datetime
import sqlite3
from collections import Counter
from dataclasses import dataclass

from kiosk.storage.db import transaction

KINDS = ("screen", "card", "summary")


@dataclass(frozen=True)
class DayCount:
    """How often one thing was opened (or one summary taken) on one day, by everyone together."""

    day: str  # YYYY-MM-DD
    kind: str  # screen, card or summary
    name: str
    count: int


class CountBatch:
    """Counts kept in memory until they are written: adding one is a dictionary update, never a disk write."""

    def __init__(self) -> None:
        self._counts: Counter[tuple[str, str, str]] = Counter()

    def __len__(self) -> int:
        return len(self._counts)

    def add(self, kind: str, name: str, day: datetime.date | None = None) -> None:
        """One more view of `name` today."""
        self._counts[((day or datetime.date.today()).isoformat(), kind, name)] += 1

    def take(self) -> Counter[tuple[str, str, str]]:
        """Everything counted so far, leaving the batch empty."""
        counts, self._counts = self._counts, Counter()
        return counts

    def put_back(self, counts: Counter[tuple[str, str, str]]) -> None:
        """Counts that could not be written, to try again next time."""
        self._counts.update(counts)


def add_counts(conn: sqlite3.Connection, counts: Counter, keep_days: int, today: datetime.date) -> None:
    """Add a batch to the stored counts and delete counts older than `keep_days`, in one transaction."""
    rows = [(day, kind, name, count) for (day, kind, name), count in sorted(counts.items())]
    with transaction(conn):
        conn.executemany(
            "INSERT INTO daily_count (day, kind, name, count) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (day, kind, name) DO UPDATE SET count = count + excluded.count",
            rows,
        )
        oldest_kept = (today - datetime.timedelta(days=keep_days - 1)).isoformat()
        conn.execute("DELETE FROM daily_count WHERE day < ?", (oldest_kept,))


def read_counts(conn: sqlite3.Connection, since: datetime.date | None = None) -> list[DayCount]:
    """Every stored count from `since` on (all of them without it), by day, kind and name."""
    rows = conn.execute(
        "SELECT day, kind, name, count FROM daily_count WHERE day >= ? ORDER BY day, kind, name",
        ((since or datetime.date.min).isoformat(),),
    )
    return [DayCount(*row) for row in rows]
