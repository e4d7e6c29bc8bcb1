"""Publishing content as numbered versions: publish the draft, list versions, roll back.

Every publish, import and rollback first takes an automatic backup, then in one transaction replaces what
patients see, records a new numbered version (with a one-line summary of what changed) and an audit entry.
The first time anything is published, the content as it was is recorded first as version 1
("Content as first installed"), so staff can always roll back to it.
"""

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.changes import ContentChanges, compare
from kiosk.content.document import Document, document_to_data, parse_document
from kiosk.content.settings import load_settings
from kiosk.storage import versions
from kiosk.storage.audit import record_action
from kiosk.storage.backup import automatic_backup
from kiosk.storage.content_tables import has_content, read_content, replace_content
from kiosk.storage.db import transaction
from kiosk.storage.errors import KnownError
from kiosk.storage.settings import write_settings
from kiosk.storage.versions import Version

DRAFT = "draft"
FIRST_SUMMARY = "Content as first installed"
MAX_SUMMARY = 300


class NothingToChange(KnownError):
    """What would be published is exactly what patients see now: no version is added, nothing is backed up."""


def refuse_if_unchanged(changes: ContentChanges, message: str) -> None:
    """NothingToChange(`message`) if `changes` change nothing."""
    if changes.nothing:
        raise NothingToChange(message)


class DraftPendingError(KnownError):
    """Unpublished draft changes would be lost; the caller must publish or discard them first."""


@dataclass(frozen=True)
class PublishResult:
    """The new version, what it changed, and the backup taken just before."""

    version: Version
    changes: ContentChanges
    backup: Path


def published_document(conn: sqlite3.Connection) -> Document:
    """What patients see now, with the clinic name and doctor guidance in force."""
    settings = load_settings(conn)
    return Document(read_content(conn), settings.doctor_guidance, settings.clinic_name)


def take_backup(conn: sqlite3.Connection, reason: str, backup_dir: Path | None = None) -> Path:
    """An automatic backup (beside the database unless `backup_dir`), keeping `backups_to_keep` of them."""
    return automatic_backup(conn, reason, backup_dir, keep=load_settings(conn).backups_to_keep)


def back_up_now(conn: sqlite3.Connection, reason: str = "staff", backup_dir: Path | None = None) -> Path:
    """A backup staff asked for, recorded in the audit log."""
    path = take_backup(conn, reason, backup_dir)
    record_action(conn, "backup", path.name)
    return path


def apply_document(
    conn: sqlite3.Connection, document: Document, summary: str, action: str, discard_draft: bool = False
) -> Version:
    """In one transaction: replace the published content and settings, add a version, log `action`."""
    summary = " ".join(summary.split())[:MAX_SUMMARY] or "No changes"
    with transaction(conn):
        if versions.version_count(conn) == 0 and has_content(conn):
            versions.add_version(conn, FIRST_SUMMARY, document_to_data(published_document(conn)))
        replace_content(conn, document.content)
        write_settings(conn, document.settings())
        version = versions.add_version(conn, summary, document_to_data(document))
        record_action(conn, action, f"version {version.number}: {summary}")
        if discard_draft:
            versions.delete_draft(conn)
    return version


def publish(conn: sqlite3.Connection, summary: str | None = None, backup_dir: Path | None = None) -> PublishResult:
    """Make the draft what patients see, as a new version; `summary` defaults to what changed.

    KnownError if there is no draft; ContentError (naming item and field) if the draft cannot be published.
    """
    data = versions.read_draft(conn)
    if data is None:
        raise KnownError("There are no unpublished changes to publish.")
    document = parse_document(data, DRAFT)
    changes = compare(published_document(conn), document)
    backup = take_backup(conn, "before-publish", backup_dir)
    version = apply_document(conn, document, summary or changes.summary(), "publish", discard_draft=True)
    return PublishResult(version, changes, backup)


def list_versions(conn: sqlite3.Connection) -> list[Version]:
    """Every published version, newest first."""
    return versions.list_versions(conn)


def version_document(conn: sqlite3.Connection, number: int) -> Document:
    """The content and settings of version `number` (KnownError if there is no such version)."""
    data = versions.read_version_document(conn, number)
    if data is None:
        raise KnownError(f"There is no version {number}. The history lists the versions there are.")
    return parse_document(data, f"version {number}")


def restore_version(
    conn: sqlite3.Connection, number: int, backup_dir: Path | None = None, discard_draft: bool = False
) -> PublishResult:
    """Publish version `number` again, as a new version "Restored version N".

    DraftPendingError if there are unpublished changes and `discard_draft` is False.
    """
    document = version_document(conn, number)
    refuse_if_draft(conn, discard_draft)
    changes = compare(published_document(conn), document)
    refuse_if_unchanged(
        changes,
        f"Version {number} holds exactly what patients see now, so restoring it would change nothing. "
        "Choose a version with different content (the history lists them).",
    )
    backup = take_backup(conn, f"before-rollback-{number}", backup_dir)
    version = apply_document(conn, document, f"Restored version {number}", "rollback", discard_draft)
    return PublishResult(version, changes, backup)


def refuse_if_draft(conn: sqlite3.Connection, discard_draft: bool) -> None:
    """DraftPendingError if a draft exists that the caller did not agree to throw away."""
    if not discard_draft and versions.read_draft(conn) is not None:
        raise DraftPendingError(
            "There are unpublished changes made on the kiosk's staff screen. Publish or discard them first "
            "(or agree to discard them)."
        )
