"""What each language lacks (missing or out-of-date texts), for `kiosk-admin check`, `check --json` and tests."""

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.content.interface_texts import interface_languages, interface_texts, missing_interface_texts
from kiosk.content.languages import (
    FIRST_FEW,
    Slot,
    fingerprint,
    language_name,
    slots,
    translated_languages,
    translation_index,
)
from kiosk.content.overlays import overlay_languages
from kiosk.content.settings import load_settings
from kiosk.resources import bundled_content_dir
from kiosk.storage.content_tables import read_content
from kiosk.storage.errors import KnownError
from kiosk.storage.health import open_read_only
from kiosk.storage.rows import Content
from kiosk.storage.translations import stored_languages


@dataclass(frozen=True)
class Coverage:
    """What one language lacks: texts with no translation, and translations whose English has changed since."""

    language: str
    total: int
    missing: tuple[Slot, ...]
    out_of_date: tuple[Slot, ...]

    @property
    def name(self) -> str:
        """The language's name for staff, like "Spanish"."""
        return language_name(self.language)

    @property
    def lacking(self) -> tuple[Slot, ...]:
        """Every text a patient would read in English: out of date ones first (they were translated once)."""
        return self.out_of_date + self.missing


def coverage(content: Content, doctor_guidance: str | None, language: str) -> Coverage:
    """What `language` lacks in `content`: missing texts and out-of-date ones, each with its on-screen name."""
    found = translation_index(content, language)
    missing, stale = [], []
    every = slots(content, doctor_guidance)
    for slot in every:
        entry = found.get(slot.key)
        if entry is None or not entry.text.strip() or _still_english(entry.text, slot.english):
            missing.append(slot)
        elif entry.source != fingerprint(slot.english):
            stale.append(slot)
    return Coverage(language, len(every), tuple(missing), tuple(stale))


def _still_english(text: str, english: str) -> bool:
    return " ".join(text.split()) == " ".join(english.split()) and len(english.split()) > 2


def first_lacking(report: Coverage, few: int = FIRST_FEW) -> list[str]:
    """The first few texts lacking, by on-screen name: out-of-date ones each ("Finasteride tablets: Side
    effects"), then missing ones by item ("Minoxidil liquid or foam (20 texts)" for several of one item)."""
    groups: dict[str, list[Slot]] = {}
    for slot in report.out_of_date:
        groups[slot.key] = [slot]
    for slot in report.missing:
        groups.setdefault(slot.label.split(": ", 1)[0], []).append(slot)
    return [
        slots_of[0].label if len(slots_of) == 1 else f"{item} ({len(slots_of)} texts)"
        for item, slots_of in list(groups.items())[:few]
    ]


def coverage_line(report: Coverage) -> str:
    """One line for staff, like "Spanish: 3 texts missing — Finasteride tablets: Side effects, …"."""
    if not report.lacking:
        return f"{report.name}: all {report.total} texts translated."
    parts = []
    if report.missing:
        parts.append(f"{len(report.missing)} text{'' if len(report.missing) == 1 else 's'} missing")
    if report.out_of_date:
        count = len(report.out_of_date)
        parts.append(f"{count} out of date (the English changed{'' if count == 1 else ' for them'})")
    shown = first_lacking(report)
    more = ", …" if len(first_lacking(report, FIRST_FEW + 1)) > FIRST_FEW else ""
    return f"{report.name}: {', '.join(parts)} — {', '.join(shown)}{more} (patients see these in English)."


def coverage_data(report: Coverage) -> dict[str, Any]:
    """The same report as JSON-ready data."""
    return {
        "language": report.language,
        "name": report.name,
        "texts": report.total,
        "missing": len(report.missing),
        "out_of_date": len(report.out_of_date),
        "first": first_lacking(report),
    }


def offered_languages(content: Content, stored: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The languages besides English this kiosk offers: bundled with it, carried by its content now or before."""
    bundled = {path.name for path in overlay_languages(bundled_content_dir())}
    return tuple(sorted(bundled | set(stored) | set(translated_languages(content))))


def interface_line(language: str) -> str:
    """One line for staff on the kiosk's own words (buttons, headings) in `language`."""
    name, texts = language_name(language), interface_texts(language)
    if not texts:
        return (
            f"{name} interface: there is no translation of the kiosk's buttons and headings, so patients see "
            f"them in English. Make one with scripts/update-translations {language}, then translate it."
        )
    missing = missing_interface_texts(language)
    if not missing:
        return f"{name} interface: all {len(texts)} buttons and headings translated."
    shown = ", ".join(f"“{text.english}”" for text in missing[:FIRST_FEW]) + (", …" if len(missing) > FIRST_FEW else "")
    return (
        f"{name} interface: {len(missing)} of {len(texts)} buttons and headings not translated — {shown} "
        f"(patients see these in English). Translate them in assets/i18n/kiosk_{language}.ts, then reinstall the kiosk."
    )


def language_lines(content: Content, doctor_guidance: str, conn: sqlite3.Connection) -> list[str]:
    """One line per offered language, like "Spanish: 3 texts missing — Finasteride tablets: Side effects, …",
    then one per language on the kiosk's own words."""
    languages = offered_languages(content, stored_languages(conn))
    lines = [coverage_line(coverage(content, doctor_guidance, code)) for code in languages]
    return lines + [interface_line(code) for code in sorted(set(languages) | set(interface_languages()))]


def language_data(content: Content, doctor_guidance: str, conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """The same as data, one entry per offered language."""
    languages = offered_languages(content, stored_languages(conn))
    return [
        {**coverage_data(coverage(content, doctor_guidance, code)), "interface_missing": interface_missing(code)}
        for code in languages
    ]


def interface_missing(language: str) -> list[str]:
    """The English of each interface string `language` lacks (every one, where it has no translation file)."""
    if not interface_texts(language):
        return ["(no translation file)"]
    return [text.english for text in missing_interface_texts(language)]


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
