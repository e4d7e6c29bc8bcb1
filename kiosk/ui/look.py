"""The look a patient has chosen for the screens, and the one service the frame holds and screens ask.

A look is one frozen value: text size, contrast and language. A change of look is a new value that screens
compare, never a copy of each screen per look; every choice goes back to the default at the idle reset."""

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from PySide6.QtCore import QObject, Signal

from kiosk.content.languages import content_in
from kiosk.storage.rows import Content
from kiosk.ui.contrast import high_contrast_rules
from kiosk.ui.text_size import LARGE, TEXT_SCALES, font_rules

STANDARD, HIGH = "standard", "high"
ENGLISH, SPANISH = "en", "es"


@dataclass(frozen=True)
class Look:
    """How the screens look: the text size as a share of the normal size, the contrast and the language."""

    text_scale: float = 1.0
    contrast: str = STANDARD
    language: str = ENGLISH

    @property
    def larger_text(self) -> bool:
        """Whether text is larger than normal."""
        return self.text_scale > 1.0

    @property
    def high_contrast(self) -> bool:
        """Whether the high-contrast colours are in use."""
        return self.contrast == HIGH

    def with_larger_text(self, large: bool) -> "Look":
        """The same look with normal or larger (130 %) text."""
        return replace(self, text_scale=LARGE if large else 1.0)

    def with_next_text_size(self) -> "Look":
        """The same look with the next text size (100 %, 130 %, 160 %, then 100 % again)."""
        index = TEXT_SCALES.index(self.text_scale) if self.text_scale in TEXT_SCALES else -1
        return replace(self, text_scale=TEXT_SCALES[(index + 1) % len(TEXT_SCALES)])

    def with_high_contrast(self, high: bool) -> "Look":
        """The same look in high or standard contrast."""
        return replace(self, contrast=HIGH if high else STANDARD)

    def with_language(self, language: str) -> "Look":
        """The same look in another language (a language code such as "es")."""
        return replace(self, language=language)

    @property
    def percent(self) -> int:
        """The text size in per cent of the normal size."""
        return round(self.text_scale * 100)

    def stylesheet(self) -> str:
        """The rules a widget needs on top of the application's stylesheet to show this look ("" for none)."""
        return _stylesheet(self.text_scale, self.high_contrast)


@cache
def _stylesheet(text_scale: float, high_contrast: bool) -> str:
    """Made once per look: the same string each time, so comparing and the caches keyed by it are quick."""
    colours = high_contrast_rules() if high_contrast else ""
    return "\n".join(rules for rules in (colours, font_rules(text_scale)) if rules)


NORMAL = Look()
_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
_NAME = re.compile(r"#([A-Za-z_][\w-]*)")


def _rules_where(stylesheet: str, keep: Callable[[str], bool]) -> str:
    """The rules of `stylesheet` whose selector `keep` accepts."""
    return "\n".join(f"{selector.strip()} {{{body}}}" for selector, body in _RULE.findall(stylesheet) if keep(selector))


@lru_cache(maxsize=64)
def rules_for(stylesheet: str, names: frozenset[str]) -> str:
    """Only the rules of `stylesheet` that can apply to widgets with these object names: those that name none,
    or one of them. Qt parses a widget's stylesheet and matches every rule against each widget under it, so a
    bar given only its own rules is restyled in a third of the time."""

    def can_apply(selector: str) -> bool:
        named = set(_NAME.findall(selector))
        return not named or bool(named & names)

    return _rules_where(stylesheet, can_apply)


_SKELETON = re.compile(r"QScrollArea|QScrollBar|#ScreenPage")


@lru_cache(maxsize=16)
def skeleton_rules(stylesheet: str) -> str:
    """Only the rules of `stylesheet` for a screen's scroll area, scroll bars and page: those change with the
    contrast alone (a text size has none), so a screen shown at a new text size need not style them again."""
    return _rules_where(stylesheet, _SKELETON.search)


_IN_LANGUAGE: dict[tuple[int, str], tuple[Content, Content]] = {}  # (id of the English, language): (English, it)


def content_for(content: Content | None, language: str) -> Content | None:
    """`content` in `language` (English where a text has no up-to-date translation), made once per language
    for all screens."""
    if content is None or language == ENGLISH:
        return content
    key = (id(content), language)
    known = _IN_LANGUAGE.get(key)
    if known is None or known[0] is not content:  # the id of content since replaced may be used again
        if len(_IN_LANGUAGE) >= 4:
            _IN_LANGUAGE.clear()  # older content, published over: let it go
        known = _IN_LANGUAGE[key] = (content, content_in(content, language))
    return known[1]


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

    def reset(self) -> None:
        """Back to the default look, for the next patient."""
        self.choose(NORMAL)
