"""The interface in the patient's language, through Qt's translation files.

Interface words go through `translate("Context", "…")` (or `self.tr("…")`) where a screen or label is built;
their translations are in assets/i18n/kiosk_<language>.ts (scripts/update-translations collects the words).
A word with no translation shows in English (Qt's own fallback), never as a blank. This module stays light:
the files are found and loaded (kiosk.ui.translation_files) only when a language other than English is chosen."""

import re

from PySide6.QtCore import QCoreApplication, QTranslator

ENGLISH = "en"
_translators: dict[str, QTranslator | None] = {}  # loaded once per language
_installed: list[QTranslator] = []  # the one in use, if any


def translate(context: str, text: str) -> str:
    """`text` in the interface language (English where it has no translation)."""
    return QCoreApplication.translate(context, text)


def filled(words: str, *values: object) -> str:
    """`words` with %1, %2, … replaced by `values` in one pass (a value holding "%2" stays as it is)."""
    return re.sub(r"%(\d)", lambda match: str(values[int(match.group(1)) - 1]), words)


def prepare_language(language: str) -> QTranslator | None:
    """The translator for `language` (None: no file for it), its file read the first time it is asked for."""
    if language not in _translators:
        from kiosk.ui.translation_files import load_translator

        _translators[language] = load_translator(language)
    return _translators[language]


def use_language(language: str) -> None:
    """Put the interface in `language` (no translator for English); Qt tells every widget (LanguageChange).
    Call it before anything is built in the new language."""
    wanted = None if language == ENGLISH else prepare_language(language)
    if (_installed[0] if _installed else None) is wanted:
        return
    application = QCoreApplication.instance()
    if _installed:
        application.removeTranslator(_installed.pop())
    if wanted is not None:
        application.installTranslator(wanted)
        _installed.append(wanted)
