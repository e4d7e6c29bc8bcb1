"""A kiosk updated to a version that ships a new language gets that language's texts, once, on its next start.

Only texts whose English is exactly what the kiosk publishes now are added (a clinic's own edits stay English
until translated), as a new content version after a backup, so staff can see it and go back.
"""

import sqlite3

from kiosk.content.languages import fingerprint, language_name, overlay_languages, slots, with_translations
from kiosk.resources import bundled_content_dir
from kiosk.storage.db import transaction
from kiosk.storage.translations import remember_languages, stored_languages

ACTION = "language update"


def new_bundled_languages(conn: sqlite3.Connection) -> tuple[str, ...]:
    """Languages bundled with this kiosk that its content has never carried."""
    bundled = {path.name for path in overlay_languages(bundled_content_dir())}
    return tuple(sorted(bundled - set(stored_languages(conn))))


def add_bundled_languages(conn: sqlite3.Connection) -> None:
    """Add the bundled texts of every new language whose English matches the published English."""
    from kiosk.content.bundled import load_bundle  # only after an update: keeps TOML reading out of start
    from kiosk.content.document import Document
    from kiosk.content.publishing import apply_document, published_document, take_backup

    languages = new_bundled_languages(conn)
    if not languages:
        return
    published = published_document(conn)
    english = {slot.key: slot.english for slot in slots(published.content, published.doctor_guidance)}
    added = tuple(
        entry
        for entry in load_bundle().content.translations
        if entry.language in languages and entry.key in english and entry.source == fingerprint(english[entry.key])
    )
    if added:
        take_backup(conn, "before-language-update")
    with transaction(conn):
        if added:
            content = with_translations(published.content, published.content.translations + added)
            document = Document(content, published.doctor_guidance, published.clinic_name)
            names = " and ".join(language_name(code) for code in sorted({entry.language for entry in added}))
            apply_document(conn, document, f"Added the {names} texts that came with this kiosk", ACTION)
        remember_languages(conn, languages)
