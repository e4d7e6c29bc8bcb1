"""The look a patient has chosen for the screens, and the one service the frame holds and screens ask.

Today a look is a text size; issue-sized additions (language, contrast) become fields of `Look`, so that a
change of look is one value that screens compare, never a copy of each screen per look."""

from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal

from kiosk.ui.text_size import LARGE, font_rules


@dataclass(frozen=True)
class Look:
    """How the screens look: the text size as a share of the normal size."""

    text_scale: float = 1.0

    @property
    def larger_text(self) -> bool:
        """Whether text is larger than normal."""
        return self.text_scale > 1.0

    def with_larger_text(self, large: bool) -> "Look":
        """The same look with normal or larger text."""
        return replace(self, text_scale=LARGE if large else 1.0)

    def stylesheet(self) -> str:
        """The rules a widget needs on top of the application's stylesheet to show this look ("" for none)."""
        return font_rules(self.text_scale)


NORMAL = Look()


class Looks(QObject):
    """The look in use. The frame holds one; screens and bars ask it, and hear when it changes."""

    changed = Signal(object)  # the new Look

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._look = NORMAL

    def current(self) -> Look:
        """The look in use now."""
        return self._look

    def choose(self, look: Look) -> None:
        """Use `look` from now on (nothing happens if it is already in use)."""
        if look != self._look:
            self._look = look
            self.changed.emit(look)
