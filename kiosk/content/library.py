"""The kiosk's content library: one open database with its published content and settings."""

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.language_update import add_bundled_languages, new_bundled_languages
from kiosk.content.recovery import DamageCheck, RecoveryReport, open_with_recovery
from kiosk.content.safety_upgrade import needs_safety_upgrade, upgrade_safety_content
from kiosk.content.settings import Settings, check_setting, load_settings
from kiosk.storage.content_tables import has_content, read_content, replace_content
from kiosk.storage.db import transaction
from kiosk.storage.rows import Content
from kiosk.storage.settings import read_settings, write_settings


def install_bundled_content(conn: sqlite3.Connection) -> None:
    """Load the bundled content and its default settings, in one transaction."""
    from kiosk.content.bundled import load_bundle  # only on a first start: keeps TOML reading out of start

    bundle = load_bundle()
    stored = read_settings(conn)
    defaults = {key: check_setting(key, value) for key, value in bundle.default_settings.items() if key not in stored}
    with transaction(conn):
        replace_content(conn, bundle.content)
        write_settings(conn, defaults)


@dataclass
class Library:
    """An open kiosk database: what patients see and how the kiosk behaves."""

    conn: sqlite3.Connection
    path: Path
    recovery: RecoveryReport | None = None

    @classmethod
    def open(cls, path: Path | str, check: DamageCheck | None = None) -> "Library":
        """Open (creating and filling on first start, recovering if damaged) the database at `path`.

        `check`: its quick check for damage, if the caller has begun it already (`DamageCheck`)."""
        conn, recovery = open_with_recovery(Path(path), check)
        if not has_content(conn):
            install_bundled_content(conn)
        elif needs_safety_upgrade(conn):  # content published by an older kiosk: once, after an update
            upgrade_safety_content(conn)
        if new_bundled_languages(conn):  # this kiosk now ships a language its content never had: once
            add_bundled_languages(conn)
        return cls(conn, Path(path), recovery)

    def content(self) -> Content:
        """The published content."""
        return read_content(self.conn)

    def settings(self) -> Settings:
        """The settings in force."""
        return load_settings(self.conn)

    def close(self) -> None:
        """Close the database connection."""
        self.conn.close()
