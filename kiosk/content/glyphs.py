"""Characters the kiosk's typeface cannot draw (emoji, rare symbols): refused before they reach a screen.

The kiosk draws all text in Atkinson Hyperlegible; a character that font lacks shows as an empty box on some
systems, so text holding one is refused with the characters named. The check asks Qt (QRawFont) about the
very font files the kiosk loads.
"""

import os
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from kiosk.content.schema import ContentError, Problem

ALWAYS_DRAWN = frozenset("\n\t ")
_APPLICATION: list = []  # kept alive while fonts are in use


@cache
def _font_files() -> tuple[Path, ...]:
    import fontpkg_atkinson_hyperlegible

    folder = Path(fontpkg_atkinson_hyperlegible.__file__).parent / "files"
    return tuple(sorted(folder.glob("*Regular.ttf")) or sorted(folder.glob("*.ttf")))


def command_line_application():
    """The Qt application object of a command-line process, made if there is none yet. A widgets one: Qt reads
    fonts only with a GUI application (a bare QCoreApplication made first would crash QRawFont), and a window
    built later in the same process (snapshot, tests) can use it too."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APPLICATION.append(QApplication([]))
    return QApplication.instance()


@cache
def _raw_fonts():
    from PySide6.QtGui import QRawFont

    command_line_application()
    return tuple(QRawFont(str(path), 24) for path in _font_files())


@cache
def can_draw(character: str) -> bool:
    """Whether the kiosk's typeface has this character."""
    if character in ALWAYS_DRAWN:
        return True
    return any(font.supportsCharacter(ord(character)) for font in _raw_fonts())


def undrawable(text: str) -> list[str]:
    """The characters in `text` the kiosk cannot draw, each once, in order."""
    return [character for character in dict.fromkeys(text) if not can_draw(character)]


def name_characters(characters: list[str]) -> str:
    """'😀' (U+1F600 GRINNING FACE), for staff to find what to remove."""
    return ", ".join(
        f"'{character}' (U+{ord(character):04X} {unicodedata.name(character, 'unnamed')})" for character in characters
    )


def drawing_message(characters: list[str]) -> str:
    """What staff are told about characters the kiosk cannot draw, and what to do."""
    return (
        f"contains characters the kiosk's typeface cannot show: {name_characters(characters)}. "
        "Remove them or use plain letters instead"
    )


def _texts(value: Any, item: str, field: str) -> Iterator[tuple[str, str, str]]:
    if isinstance(value, str):
        yield item, field, value
    elif isinstance(value, list):
        for entry in value:
            yield from _texts(entry, item, field)
    elif isinstance(value, dict):
        own = str(value.get("id") or value.get("term") or item)
        for key, entry in value.items():
            yield from _texts(entry, own, str(key))


def drawing_problems(data: dict[str, Any], where: str) -> list[Problem]:
    """Every field of a content document (as plain data) holding characters the kiosk cannot draw."""
    every = "".join(text for _, _, text in _texts(data, "", ""))
    if not undrawable(every):  # one look per distinct character: fast even for thousands of cards
        return []
    problems = []
    for item, field, text in _texts(data, "", ""):
        bad = undrawable(text)
        if bad:
            problems.append(Problem(where, item if item != field else "", field, drawing_message(bad)))
    return problems


def refuse_undrawable(data: dict[str, Any], where: str) -> None:
    """ContentError naming every field with characters the kiosk cannot draw."""
    problems = drawing_problems(data, where)
    if problems:
        raise ContentError(problems)
