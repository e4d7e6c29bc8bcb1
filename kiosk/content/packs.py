"""Content packs: all the content in one .zip, to move between kiosks on a USB stick.

A pack holds manifest.json (format name, format_version, created_at, kiosk_version, and the size and SHA-256
of every other file), content.json (the document of kiosk.content.document) and optionally pictures in
images/ (checked, not yet used). Reading is in kiosk.content.pack_reader; nothing is written to disk but the
pack itself on export.

For the staff screens (import from USB):
    validate_pack(path) -> list[Problem]                       every problem; changes nothing
    preview_import(conn, path) -> ImportPreview                 what will change, for the confirm dialog
    import_pack(conn, path, discard_draft=False) -> ImportReport   all or nothing, as a new version
    export_pack(conn, path) -> Path
read_pack/preview_import/import_pack raise PackError or ContentError (both ContentError; `.problems`),
DraftPendingError if unpublished changes would be lost, KnownError for disk trouble.
"""

import datetime
import hashlib
import io
import os
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path

import kiosk
from kiosk.content.changes import ContentChanges, compare
from kiosk.content.document import Document, document_json, document_to_data, parse_document
from kiosk.content.glyphs import refuse_undrawable
from kiosk.content.pack_reader import CONTENT, FORMAT_VERSION, MANIFEST, PACK_FORMAT, PackError, read_pack_members
from kiosk.content.publishing import (
    apply_document,
    published_document,
    refuse_if_draft,
    refuse_if_unchanged,
    take_backup,
)
from kiosk.content.schema import ContentError, Problem
from kiosk.storage.audit import record_action
from kiosk.storage.errors import KnownError
from kiosk.storage.versions import Version, read_draft

__all__ = ["PackError", "export_pack", "import_pack", "preview_import", "read_pack", "validate_pack"]


@dataclass(frozen=True)
class ImportPreview:
    """What importing a pack would change, and whether unpublished draft changes would be thrown away."""

    pack_name: str
    created_at: str
    changes: ContentChanges
    has_draft: bool


@dataclass(frozen=True)
class ImportReport:
    """The version the import became, what it changed, and the backup taken just before."""

    version: Version
    changes: ContentChanges
    backup: Path


def read_pack(path: Path) -> Document:
    """The checked content and settings in the pack at `path` (PackError or ContentError if it is not usable)."""
    return _pack_and_manifest(path)[0]


def _pack_and_manifest(path: Path) -> tuple[Document, dict]:
    manifest, data = read_pack_members(Path(path))
    document = parse_document(data, CONTENT)
    refuse_undrawable(data, CONTENT)
    return document, manifest


def validate_pack(path: Path) -> list[Problem]:
    """Every problem with the pack at `path`, each saying where it is; an empty list if it can be imported."""
    try:
        read_pack(path)
    except ContentError as error:
        return error.problems
    return []


def preview_import(conn: sqlite3.Connection, path: Path) -> ImportPreview:
    """What importing the pack at `path` would change; changes nothing."""
    document, manifest = _pack_and_manifest(path)
    changes = compare(published_document(conn), document)
    return ImportPreview(Path(path).name, manifest["created_at"], changes, read_draft(conn) is not None)


def import_pack(
    conn: sqlite3.Connection, path: Path, backup_dir: Path | None = None, discard_draft: bool = False
) -> ImportReport:
    """Check the pack, back up, then publish its content as a new version "Imported <file name>" — all or nothing."""
    path = Path(path)
    document = read_pack(path)
    refuse_if_draft(conn, discard_draft)
    changes = compare(published_document(conn), document)
    refuse_if_unchanged(changes, f"The pack '{path.name}' holds exactly what patients see now: nothing to import.")
    backup = take_backup(conn, "before-import", backup_dir)
    version = apply_document(conn, document, f"Imported {path.name}", "import pack", discard_draft)
    return ImportReport(version, changes, backup)


def pack_bytes(document: Document, now: datetime.datetime | None = None) -> bytes:
    """A complete pack of `document`, as the bytes of a .zip file."""
    now = (now or datetime.datetime.now(datetime.UTC)).astimezone(datetime.UTC).replace(microsecond=0)
    content = document_json(document_to_data(document))
    manifest = {
        "format": PACK_FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": now.isoformat(),
        "kiosk_version": kiosk.__version__,
        "files": {CONTENT: {"size": len(content), "sha256": hashlib.sha256(content).hexdigest()}},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in ((MANIFEST, document_json(manifest)), (CONTENT, content)):
            info = zipfile.ZipInfo(name, date_time=now.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def export_pack(conn: sqlite3.Connection, path: Path, replace: bool = False) -> Path:
    """Write the published content to a new pack at `path` (refuses to overwrite unless `replace`)."""
    path = Path(path)
    if path.exists() and not replace:
        raise KnownError(f"{path}: a file with this name already exists. Choose another name.")
    data = pack_bytes(published_document(conn))
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise KnownError(f"{path}: could not write the pack ({error.strerror or error}).") from None
    record_action(conn, "export pack", path.name)
    return path
