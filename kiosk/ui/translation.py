"""The interface in the patient's language, through Qt's translation files.

Interface words go through `translate("Context", "…")` (or `self.tr("…")`) where a screen or label is built;
their translations are in assets/i18n/kiosk_<language>.ts (scripts/update-translations collects the words).
An installed kiosk carries each .ts compiled to a .qm (the wheel's build hook makes them); a source checkout
compiles the .ts once into the user cache folder, again whenever the .ts is newer. A word with no translation
shows in English (Qt's own fallback), never as a blank."""

import logging
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QStandardPaths, QTranslator

from kiosk.resources import compiled_translations_dir, translations_dir

log = logging.getLogger("kiosk.translation")
ENGLISH = "en"
LRELEASE_SECONDS = 60
_translators: dict[str, QTranslator | None] = {}  # loaded once per language
_installed: list[QTranslator] = []  # the one in use, if any


def translate(context: str, text: str) -> str:
    """`text` in the interface language (English where it has no translation)."""
    return QCoreApplication.translate(context, text)


def filled(words: str, *values: object) -> str:
    """`words` with %1, %2, … replaced by `values` in one pass (a value holding "%2" stays as it is)."""
    return re.sub(r"%(\d)", lambda match: str(values[int(match.group(1)) - 1]), words)


def source_file(language: str) -> Path:
    """The translation source of `language` in the repository or package."""
    return translations_dir() / f"kiosk_{language}.ts"


def lrelease() -> str | None:
    """Qt's lrelease, from the PySide6 installation (it ships with PySide6-Essentials)."""
    name = "lrelease.exe" if os.name == "nt" else "lrelease"
    bundled = Path(PySide6.__file__).parent / name
    return str(bundled) if bundled.exists() else shutil.which("pyside6-lrelease")


def compile_translation(source: Path, target: Path) -> bool:
    """Compile a .ts into a .qm with lrelease (written whole, or not at all); True if it worked."""
    tool = lrelease()
    if tool is None:
        log.warning("Qt's lrelease is missing: the interface stays in English")
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(suffix=".qm", dir=target.parent)
    os.close(handle)
    try:
        run = subprocess.run(
            [tool, "-silent", "-nounfinished", str(source), "-qm", partial],
            capture_output=True,
            text=True,
            timeout=LRELEASE_SECONDS,
        )
        if run.returncode != 0 or not Path(partial).stat().st_size:
            log.warning("Could not compile %s: %s", source.name, run.stderr.strip())
            return False
        os.replace(partial, target)
        return True
    except (OSError, subprocess.TimeoutExpired) as error:
        log.warning("Could not compile %s: %s", source.name, error)
        return False
    finally:
        Path(partial).unlink(missing_ok=True)


def compiled_file(language: str) -> Path | None:
    """The .qm of `language`: the one shipped in the package, else one compiled from the .ts into the user cache
    folder (made or refreshed here); None where there is no translation."""
    shipped = compiled_translations_dir() / f"kiosk_{language}.qm"
    if shipped.exists():
        return shipped
    source = source_file(language)
    if not source.exists():
        return None
    cache = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation))
    cached = cache / "i18n" / shipped.name
    if not cached.exists() or cached.stat().st_mtime < source.stat().st_mtime:
        compile_translation(source, cached)
    return cached if cached.exists() else None


def _translator(language: str) -> QTranslator | None:
    if language not in _translators:
        path = compiled_file(language)
        translator = QTranslator(QCoreApplication.instance())
        if path is None or not translator.load(str(path)):
            log.warning("No interface translation for %s: its interface words show in English", language)
            translator = None
        _translators[language] = translator
    return _translators[language]


def use_language(language: str) -> None:
    """Put the interface in `language` (no translator for English); Qt tells every widget (LanguageChange).
    Call it before anything is built in the new language."""
    wanted = None if language == ENGLISH else _translator(language)
    if _installed and _installed[0] is wanted or not _installed and wanted is None:
        return
    application = QCoreApplication.instance()
    if _installed:
        application.removeTranslator(_installed.pop())
    if wanted is not None:
        application.installTranslator(wanted)
        _installed.append(wanted)
