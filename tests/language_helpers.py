"""Making translated content in tests: a copy of the bundled content with a small or complete overlay folder."""

import json
import shutil
import tomllib
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kiosk.content.bundled import load_bundle
from kiosk.content.library import Library
from kiosk.content.overlays import NOT_TRANSLATED
from kiosk.resources import bundled_content_dir
from kiosk.storage.content_tables import replace_content

# A few real Spanish texts for a small overlay, as translators write them.
FINASTERIDE_ES = """
id = "finasteride"
name = "Finasterida en tabletas"
side_effects = "Algunos hombres tienen menos deseo sexual. Otros tienen problemas de erección. Esto es poco común."
checked_by = { role = "revisores de contenido médico" }
"""
GUIDANCE_ES = """
[settings]
doctor_guidance = "Hable con su médico antes de empezar o dejar un tratamiento."
"""


def toml_value(value: Any) -> str:
    """A value as TOML text (JSON strings are TOML basic strings; tables inline)."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(entry) for entry in value) + "]"
    return "{" + ", ".join(f"{key} = {toml_value(entry)}" for key, entry in value.items()) + "}"


def toml_text(data: dict[str, Any]) -> str:
    """A whole TOML file of top-level keys."""
    return "".join(f"{key} = {toml_value(value)}\n" for key, value in data.items())


def content_copy(tmp_path: Path) -> Path:
    """A copy of the bundled content folder (without any overlay), to add overlays to."""
    folder = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), folder, ignore=shutil.ignore_patterns("es", "fr"))
    return folder


def write_overlay(folder: Path, language: str, files: dict[str, str]) -> None:
    """Write overlay files (relative path → TOML text) into `folder/language/`."""
    for relative, text in files.items():
        path = folder / language / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _translated(english: Any, counter: list[int], under_checked_by: bool = False) -> Any:
    """Only the texts of an English file, each replaced by a short Spanish line that is easy to read."""
    if isinstance(english, dict):
        result = {}
        for key, value in english.items():
            if key == "id":
                result[key] = value
            elif key in NOT_TRANSLATED or (under_checked_by and key == "name"):
                continue
            elif isinstance(value, (str, list, dict)):
                result[key] = _translated(value, counter, key == "checked_by")
        return result
    if isinstance(english, list):
        return [_translated(entry, counter) for entry in english]
    counter[0] += 1
    return f"Texto en español {counter[0]}."


def write_complete_overlay(folder: Path, language: str = "es") -> int:
    """An overlay with every English text translated; how many texts it holds."""
    counter = [0]
    for path in sorted(folder.rglob("*.toml")):
        relative = path.relative_to(folder)
        if relative.parts[0] in ("es", "fr"):
            continue
        english = tomllib.loads(path.read_text(encoding="utf-8"))
        if relative.name == "index.toml":
            english = {"settings": {"doctor_guidance": english["settings"]["doctor_guidance"]}}
        target = folder / language / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_toml_file(_translated(english, counter)), encoding="utf-8")
    return counter[0]


def _toml_file(data: dict[str, Any]) -> str:
    """Top-level tables ([settings]) as sections; everything else as key = value."""
    plain = {key: value for key, value in data.items() if not (key == "settings" and isinstance(value, dict))}
    text = toml_text(plain)
    if "settings" in data:
        text += "[settings]\n" + toml_text(data["settings"])
    return text


def spanish_kiosk(tmp_path, name="kiosk"):
    """A kiosk database whose published content has a little Spanish."""
    folder = content_copy(tmp_path / f"{name}-content")
    write_overlay(folder, "es", {"treatments/finasteride.toml": FINASTERIDE_ES, "index.toml": GUIDANCE_ES})
    db = tmp_path / name / "kiosk.db"
    library = Library.open(db)
    replace_content(library.conn, load_bundle(folder).content)
    library.close()
    return db


def english_only_kiosk(tmp_path, name="english"):
    """A kiosk database whose published content carries no translation (the kiosk itself ships Spanish)."""
    db = tmp_path / name / "kiosk.db"
    library = Library.open(db)
    replace_content(library.conn, load_bundle(content_copy(tmp_path / f"{name}-content")).content)
    library.close()
    return db


@contextmanager
def shipping(monkeypatch, folder: Path):
    """Inside this block the kiosk ships the content in `folder` (as a kiosk of an older or newer release)."""
    with monkeypatch.context() as patch:
        patch.setattr("kiosk.content.bundled.bundled_content_dir", lambda: folder)
        patch.setattr("kiosk.content.language_update.bundled_content_dir", lambda: folder)
        yield
