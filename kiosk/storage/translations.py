"""Reading and writing the translation table: patient-visible texts in languages other than English."""

import sqlite3

from kiosk.storage.rows import TranslatedText


def read_translations(conn: sqlite3.Connection) -> tuple[TranslatedText, ...]:
    """Every stored translation, by language then key (none in a database from before translations)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'translation'").fetchone() is None:
        return ()
    rows = conn.execute("SELECT language, key, text, source FROM translation ORDER BY language, key")
    return tuple(TranslatedText(*row) for row in rows)


def write_translations(conn: sqlite3.Connection, translations: tuple[TranslatedText, ...]) -> None:
    """Replace every stored translation (inside the caller's transaction, with the English content)."""
    conn.execute("DELETE FROM translation")
    conn.executemany(
        "INSERT INTO translation (language, key, text, source) VALUES (?, ?, ?, ?)",
        [(t.language, t.key, t.text, t.source) for t in translations],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO content_language (language) VALUES (?)",
        [(language,) for language in sorted({t.language for t in translations})],
    )


def stored_languages(conn: sqlite3.Connection) -> tuple[str, ...]:
    """Every language (besides English) the content of this kiosk has carried, in code order."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'content_language'").fetchone():
        return tuple(row[0] for row in conn.execute("SELECT language FROM content_language ORDER BY language"))
    return ()


def remember_languages(conn: sqlite3.Connection, languages: tuple[str, ...]) -> None:
    """Record that this kiosk offers `languages` (so a later pack without them shows them as missing)."""
    conn.executemany("INSERT OR IGNORE INTO content_language (language) VALUES (?)", [(code,) for code in languages])
