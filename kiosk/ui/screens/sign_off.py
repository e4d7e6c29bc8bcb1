"""Parts every content screen shares: Key points, a numbered "What to do next", and the "Checked by" line."""

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFrame, QLabel

from kiosk.storage.rows import CheckedBy
from kiosk.ui.translation import filled, translate
from kiosk.ui.widgets import list_section, numbered_section, text_label

KEY_POINTS = QT_TRANSLATE_NOOP("SignOff", "Key points")
NEXT_STEPS = QT_TRANSLATE_NOOP("SignOff", "What to do next")


def key_points_section(points: tuple[str, ...]) -> QFrame:
    """The 2 or 3 lines to take away, in a box under the title."""
    return list_section(translate("SignOff", KEY_POINTS), points)


def next_steps_section(steps: tuple[str, ...]) -> QFrame:
    """The steps in order, numbered (the number is read out too)."""
    return numbered_section(translate("SignOff", NEXT_STEPS), steps)


def checked_by_line(checked_by: CheckedBy | None) -> str:
    """ "Checked by NAME, ROLE, on DATE.", or that no clinician has checked it yet, in the interface language."""
    if not checked_by:
        return translate("SignOff", "Not yet checked by a clinician.")
    return filled(translate("SignOff", "Checked by %1, %2, on %3."), checked_by.name, checked_by.role, checked_by.date)


def sources_line(sources: tuple[str, ...]) -> str:
    """ "Sources: A, B, C." in the interface language."""
    return filled(translate("SignOff", "Sources: %1."), ", ".join(sources))


def checked_by_label(checked_by: CheckedBy | None, sources: str = "") -> QLabel:
    """ "Checked by NAME, ROLE, on DATE", or that no clinician has checked it yet; under the sources, if given
    (one label: the small print at the end of a screen)."""
    line = checked_by_line(checked_by)
    return text_label(f"{sources}\n{line}" if sources else line, "Small")
