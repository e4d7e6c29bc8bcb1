"""Opening hours: when the kiosk is on, like "Mon-Fri 08:00-18:00, Sat 09:00-12:00" (empty: always)."""

import datetime
import re
from dataclasses import dataclass

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_ENTRY = re.compile(
    r"^(?:(?P<first>[a-z]{3})(?:-(?P<last>[a-z]{3}))?\s+)?(?P<start>\d{1,2}:\d{2})-(?P<end>\d{1,2}:\d{2})$"
)


class OpeningHoursError(ValueError):
    """Opening hours that cannot be read; the message shows the expected form."""


@dataclass(frozen=True)
class OpeningHours:
    """Open periods per weekday (0 = Monday), in minutes after midnight; `always` when no hours are set."""

    periods: tuple[tuple[tuple[int, int], ...], ...]
    always: bool = False

    def is_open(self, when: datetime.datetime) -> bool:
        """Whether the kiosk is open at local time `when`."""
        if self.always:
            return True
        minute = when.hour * 60 + when.minute
        return any(start <= minute < end for start, end in self.periods[when.weekday()])


def _minutes(text: str, entry: str) -> int:
    hours, minutes = (int(part) for part in text.split(":"))
    if hours > 24 or minutes > 59 or (hours == 24 and minutes):
        raise OpeningHoursError(f"'{entry}' has a time that does not exist; use times like 08:00 or 18:30.")
    return hours * 60 + minutes


def parse_opening_hours(text: str) -> OpeningHours:
    """The opening hours in `text`; OpeningHoursError saying what to write instead."""
    if not text.strip():
        return OpeningHours(((),) * 7, always=True)
    periods: list[list[tuple[int, int]]] = [[] for _ in DAYS]
    for entry in (part.strip() for part in text.lower().split(",")):
        match = _ENTRY.match(entry)
        if (
            not match
            or (match["first"] and match["first"] not in DAYS)
            or (match["last"] and match["last"] not in DAYS)
        ):
            raise OpeningHoursError(
                f"'{entry}' is not understood. Write days and times like 'Mon-Fri 08:00-18:00, Sat 09:00-12:00'."
            )
        start, end = _minutes(match["start"], entry), _minutes(match["end"], entry)
        if end <= start:
            raise OpeningHoursError(f"'{entry}' closes before it opens; write the opening time first.")
        first = DAYS.index(match["first"]) if match["first"] else 0
        last = DAYS.index(match["last"]) if match["last"] else (first if match["first"] else 6)
        days = range(first, last + 1) if first <= last else [*range(first, 7), *range(0, last + 1)]
        for day in days:
            periods[day].append((start, end))
    return OpeningHours(tuple(tuple(day) for day in periods))
