"""What each language lacks, for `kiosk-admin check` (plain lines) and `check --json` (data)."""

import sqlite3
from pathlib import Path
from typing import Any

from kiosk.content.languages import coverage, coverage_data, coverage_line, translated_languages
from kiosk.content.overlays import overlay_languages
from kiosk.content.settings import load_settings
from kiosk.resources import bundled_content_dir
from kiosk.storage.content_tables import read_content
from kiosk.storage.errors import KnownError
from kiosk.storage.health import open_read_only
from kiosk.storage.rows import Content
from kiosk.storage.translations import stored_languages


def offered_languages(content: Content, stored: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The languages besides English this kiosk offers: bundled with it, carried by its content now or before."""
    bundled = {path.name for path in overlay_languages(bundled_content_dir())}
    return tuple(sorted(bundled | set(stored) | set(translated_languages(content))))


def language_lines(content: Content, doctor_guidance: str, conn: sqlite3.Connection) -> list[str]:
    """One line per offered language, like "Spanish: 3 texts missing — Finasteride tablets: Side effects, …"."""
    languages = offered_languages(content, stored_languages(conn))
    return [coverage_line(coverage(content, doctor_guidance, code)) for code in languages]


def language_data(content: Content, doctor_guidance: str, conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """The same as data, one entry per offered language."""
    languages = offered_languages(content, stored_languages(conn))
    return [coverage_data(coverage(content, doctor_guidance, code)) for code in languages]


def database_language_data(db_path: Path) -> list[dict[str, Any]]:
    """What each language lacks in the published content of the database at `db_path` (read-only)."""
    try:
        conn = open_read_only(db_path)
    except KnownError:
        return []
    try:
        return language_data(read_content(conn), load_settings(conn).doctor_guidance, conn)
    except sqlite3.Error:
        return []
    finally:
        conn.close()
