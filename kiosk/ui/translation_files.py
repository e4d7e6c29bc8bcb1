"""The compiled interface translations (.qm): shipped in the installed package, or compiled from the .ts.

An installed kiosk carries each assets/i18n/kiosk_<language>.ts compiled to kiosk/_data/i18n/*.qm (the wheel's
build hook makes them); a source checkout compiles the .ts once into the user cache folder, and again whenever
the .ts is newer. Loaded only when a patient first chooses a language other than English."""

import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QStandardPaths, QTranslator

from kiosk.resources import compiled_translations_dir, translation_source

log = logging.getLogger("kiosk.translation")
LRELEASE_SECONDS = 60


def lrelease() -> str | None:
    """Qt's lrelease, from the PySide6 installation (it ships with PySide6-Essentials)."""
    name = "lrelease.exe" if os.name == "nt" else "lrelease"
    bundled = Path(PySide6.__file__).parent / name
    return str(bundled) if bundled.exists() else shutil.which("pyside6-lrelease")


def compile_translation(source: Path, target: Path) -> bool:
    """Compile a .ts into a .qm with lrelease (written whole, or not at all); True if it worked. Unfinished
    translations are left out: patients see the English, as `kiosk-admin check` reports."""
    tool = lrelease()
    if tool is None:
        log.warning("Qt's lrelease is missing: the interface stays in English")
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(suffix=".qm", dir=target.parent)
    os.close(handle)
    command = [tool, "-silent", "-nounfinished", str(source), "-qm", partial]
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=LRELEASE_SECONDS)
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
    source = translation_source(language)
    if not source.exists():
        return None
    cache = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation))
    cached = cache / "i18n" / shipped.name
    if not cached.exists() or cached.stat().st_mtime < source.stat().st_mtime:
        compile_translation(source, cached)
    return cached if cached.exists() else None


def load_translator(language: str) -> QTranslator | None:
    """A translator holding the interface words of `language`, or None where it has none."""
    path = compiled_file(language)
    translator = QTranslator(QCoreApplication.instance())
    if path is None or not translator.load(str(path)):
        log.warning("No interface translation for %s: its interface words show in English", language)
        return None
    return translator
