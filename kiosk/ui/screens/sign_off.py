"""Parts every content screen shares: Key points, a numbered "What to do next", and the "Checked by" line."""

from PySide6.QtWidgets import QFrame, QLabel

from kiosk.storage.rows import NOT_CHECKED, CheckedBy
from kiosk.ui.widgets import list_section, numbered_section, text_label

KEY_POINTS = "Key points"
NEXT_STEPS = "What to do next"


def key_points_section(points: tuple[str, ...]) -> QFrame:
    """The 2 or 3 lines to take away, in a box under the title."""
    return list_section(KEY_POINTS, points)


def next_steps_section(steps: tuple[str, ...]) -> QFrame:
    """The steps in order, numbered (the number is read out too)."""
    return numbered_section(NEXT_STEPS, steps)


def checked_by_label(checked_by: CheckedBy | None, sources: str = "") -> QLabel:
    """ "Checked by NAME, ROLE, on DATE", or that no clinician has checked it yet; under the sources, if given
    (one label: the small print at the end of a screen)."""
    line = f"{checked_by.line}." if checked_by else f"{NOT_CHECKED}."
    return text_label(f"{sources}\n{line}" if sources else line, "Small")
