"""Publishing content as numbered versions: publish the draft, list versions, roll back.

Every publish, import and rollback first takes an automatic backup, then in one transaction replaces what
patients see, records a new numbered version (with a one-line summary of what changed) and an audit entry.
The first time anything is published, the content as it was is recorded first as version 1
("Content as first installed"), so staff can always roll back to it.
"""

import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path

from kiosk.content.changes import ContentChanges, compare
from kiosk.content.differences import FieldDifference, differences
from kiosk.content.document import Document, document_to_data, parse_document
from kiosk.content.labels import plain_ids
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
MAX_INITIALS = 4


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
    conn: sqlite3.Connection,
    document: Document,
    summary: str,
    action: str,
    discard_draft: bool = False,
    initials: str = "",
) -> Version:
    """In one transaction: replace the published content and settings, add a version, log `action`."""
    summary = " ".join(summary.split())[:MAX_SUMMARY] or "No changes"
    initials = clean_initials(initials)
    with transaction(conn):
        if versions.version_count(conn) == 0 and has_content(conn):
            versions.add_version(conn, FIRST_SUMMARY, document_to_data(published_document(conn)))
        replace_content(conn, document.content)
        write_settings(conn, document.settings())
        version = versions.add_version(conn, summary, document_to_data(document), initials)
        by = f" (by {initials})" if initials else ""
        record_action(conn, action, f"version {version.number}{by}: {summary}")
        if discard_draft:
            versions.delete_draft(conn)
    return version


def clean_initials(text: str) -> str:
    """Staff initials as kept with a version: letters only, at most MAX_INITIALS, in capitals."""
    return "".join(character for character in text if character.isalpha())[:MAX_INITIALS].upper()


def live_version_number(conn: sqlite3.Connection) -> int:
    """The number of the version patients see now (0 before anything was published)."""
    listed = versions.list_versions(conn)
    return listed[0].number if listed else 0


def publish(
    conn: sqlite3.Connection,
    summary: str | None = None,
    backup_dir: Path | None = None,
    initials: str = "",
    seen: "SeenState | None" = None,
) -> PublishResult:
    """Make the draft what patients see, as a new version; `summary` defaults to what changed.

    KnownError if there is no draft; ContentError (naming item and field) if the draft cannot be published;
    ChangedMeanwhile if `seen` (what staff confirmed) is no longer what would be published.
    """
    if seen is not None:
        seen.check_live(conn)
    data = versions.read_draft(conn)
    if data is None:
        raise KnownError("There are no unpublished changes to publish. Someone may have published them already.")
    document = parse_document(data, DRAFT)
    changes = compare(published_document(conn), document)
    if seen is not None:
        seen.check_changes(changes)
    backup = take_backup(conn, "before-publish", backup_dir)
    version = apply_document(conn, document, summary or changes.summary(), "publish", True, initials)
    return PublishResult(version, changes, backup)


class ChangedMeanwhile(KnownError):
    """Someone else published, or changed the draft, after staff were shown what publishing would do."""


@dataclass(frozen=True)
class SeenState:
    """What staff saw when they were asked to confirm a publish: the live version and the changes."""

    live_version: int
    changes: ContentChanges

    @classmethod
    def now(cls, conn: sqlite3.Connection, changes: ContentChanges) -> "SeenState":
        """The state staff are looking at now."""
        return cls(live_version_number(conn), changes)

    def check_live(self, conn: sqlite3.Connection) -> None:
        """ChangedMeanwhile, saying what was published, if the live version is not the one staff saw."""
        live = versions.list_versions(conn)
        if live and live[0].number != self.live_version:
            by = f" by {live[0].initials}" if live[0].initials else ""
            raise ChangedMeanwhile(
                f"While you were looking, version {live[0].number} was published{by} from another place: "
                f"{live[0].summary}. Nothing was lost: what is not yet published stays in the draft, and History "
                "keeps every version. Look at what publishing would change now, then publish again."
            )

    def check_changes(self, changes: ContentChanges) -> None:
        """ChangedMeanwhile, saying what publishing would do now, if the draft changed since staff saw it."""
        if changes != self.changes:
            raise ChangedMeanwhile(
                f"The draft was changed from another place while you were looking. Publishing would now: "
                f"{changes.summary()}. Nothing was lost. Look again, then publish."
            )


def list_versions(conn: sqlite3.Connection) -> list[Version]:
    """Every published version, newest first (summaries written by older kiosks in today's words)."""
    return [replace(version, summary=plain_ids(version.summary)) for version in versions.list_versions(conn)]


def version_document(conn: sqlite3.Connection, number: int) -> Document:
    """The content and settings of version `number` (KnownError if there is no such version)."""
    data = versions.read_version_document(conn, number)
    if data is None:
        raise KnownError(f"There is no version {number}. The history lists the versions there are.")
    return parse_document(data, f"version {number}")


def undo_last_publish(
    conn: sqlite3.Connection, backup_dir: Path | None = None, discard_draft: bool = False, initials: str = ""
) -> PublishResult:
    """Show again the version before the live one, as a new version "Undid version N (restored version M)"."""
    listed = versions.list_versions(conn)
    if len(listed) < 2:
        raise KnownError("There is no earlier version to go back to: nothing has been published yet.")
    live, before = listed[0], listed[1]
    summary = f"Undid version {live.number} (restored version {before.number})"
    return restore_version(conn, before.number, backup_dir, discard_draft, summary, initials)


def restore_version(
    conn: sqlite3.Connection,
    number: int,
    backup_dir: Path | None = None,
    discard_draft: bool = False,
    summary: str = "",
    initials: str = "",
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
    summary = summary or f"Restored version {number}"
    version = apply_document(conn, document, summary, "rollback", discard_draft, initials)
    return PublishResult(version, changes, backup)


def differences_from_live(conn: sqlite3.Connection, number: int) -> list[FieldDifference]:
    """What restoring version `number` would change, field by field: before is live, after is that version."""
    data = versions.read_version_document(conn, number)
    if data is None:
        raise KnownError(f"There is no version {number}. The history lists the versions there are.")
    return differences(document_to_data(published_document(conn)), data)


def refuse_if_draft(conn: sqlite3.Connection, discard_draft: bool) -> None:
    """DraftPendingError if a draft exists that the caller did not agree to throw away."""
    if not discard_draft and versions.read_draft(conn) is not None:
        raise DraftPendingError(
            "There are unpublished changes made on the kiosk's staff screen. Publish or discard them first "
            "(or agree to discard them)."
        )
