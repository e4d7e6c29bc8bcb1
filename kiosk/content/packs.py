"""Content packs: all the content in one .zip, to move between kiosks on a USB stick.

A pack holds manifest.json (format name, format_version: 2 if it carries translations, else 1, created_at,
kiosk_version, and the size and SHA-256 of every other file), content.json (the document of
kiosk.content.document) and optionally pictures in images/ (checked, not yet used). Reading is in
kiosk.content.pack_reader; nothing is written to disk but the pack itself on export.

A pack may be signed (kiosk.content.signing): the signature is checked on the file's bytes before anything in
them is read, against the keys this kiosk trusts. Its manifest may carry a content_version: an older one than
the content on show is refused unless staff go back to it on purpose (allow_older).

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
from kiosk.content.pack_reader import (
    CONTENT,
    ENGLISH_ONLY_FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    PACK_FORMAT,
    PackError,
    fail,
    read_members,
    read_pack_file,
)
from kiosk.content.publishing import (
    apply_document,
    published_document,
    refuse_if_draft,
    refuse_if_unchanged,
    take_backup,
)
from kiosk.content.schema import ContentError, Problem
from kiosk.content.settings import load_settings
from kiosk.content.signing import check_signature
from kiosk.storage.audit import record_action
from kiosk.storage.db import transaction
from kiosk.storage.errors import KnownError
from kiosk.storage.fleet import content_origin, trusted_keys, write_content_origin
from kiosk.storage.versions import Version, read_draft

__all__ = ["PackError", "export_pack", "import_pack", "preview_import", "read_pack", "validate_pack"]
UNSIGNED_REFUSED = (
    "is not signed, and this kiosk only takes signed packs. Ask the content team for the signed pack "
    "(or ask IT to allow unsigned packs with: kiosk-admin settings set allow_unsigned_packs 1)"
)
UNSIGNED_IN_FOLDER = (
    "is not signed: the watched folder only takes signed packs. Sign it with kiosk-admin sign, "
    "or import it by hand on the staff screen"
)


class OlderPackError(PackError):
    """The pack's content version is older than the one on show; only imported when staff go back on purpose."""


@dataclass(frozen=True)
class Trust:
    """Whose signatures this kiosk accepts (fingerprints), and whether an unsigned pack may come in."""

    fingerprints: frozenset[str]
    allow_unsigned: bool
    by_hand: bool = True


@dataclass(frozen=True)
class CheckedPack:
    """A pack whose signature (if any), files and content have all been checked."""

    name: str
    document: Document
    manifest: dict
    signer: str | None

    @property
    def content_version(self) -> int:
        """The content version the pack carries (0 for packs made before versions)."""
        return self.manifest.get("content_version", 0)


@dataclass(frozen=True)
class ImportPreview:
    """What importing a pack would change, and whether unpublished draft changes would be thrown away."""

    pack_name: str
    created_at: str
    changes: ContentChanges
    has_draft: bool
    content_version: int = 0
    signer: str | None = None


@dataclass(frozen=True)
class ImportReport:
    """The version the import became, what it changed, and the backup taken just before."""

    version: Version
    changes: ContentChanges
    backup: Path


def trust_of(conn: sqlite3.Connection, by_hand: bool) -> Trust:
    """What this kiosk accepts: its trusted keys; unsigned packs only by hand, and only if the setting allows."""
    allow_unsigned = by_hand and bool(load_settings(conn).allow_unsigned_packs)
    return Trust(frozenset(key.fingerprint for key in trusted_keys(conn)), allow_unsigned, by_hand)


def open_pack(path: Path, trust: Trust | None) -> CheckedPack:
    """Check the signature first, then everything else; with no `trust`, any intact signature is accepted."""
    path = Path(path)
    opened = check_signature(read_pack_file(path), path.name)
    if trust is not None and opened.signer is None and not trust.allow_unsigned:
        raise fail(path.name, UNSIGNED_REFUSED if trust.by_hand else UNSIGNED_IN_FOLDER)
    if trust is not None and opened.signer is not None and opened.signer not in trust.fingerprints:
        raise fail(path.name, untrusted_message(opened.signer))
    manifest, data = read_members(opened.data, path.name)
    document = parse_document(data, CONTENT)
    refuse_undrawable(data, CONTENT)
    return CheckedPack(path.name, document, manifest, opened.signer)


def untrusted_message(signer: str) -> str:
    """Why a pack signed with an untrusted key is refused, and what to do."""
    return (
        f"is signed with a key this kiosk does not trust (key {signer}). If the content team uses this "
        "key, add it first with: kiosk-admin trust-key THEIR-KEY.pub"
    )


def content_version_on_show(conn: sqlite3.Connection) -> int:
    """The content version patients see now (0 if no versioned pack was ever imported)."""
    origin = content_origin(conn)
    return origin.content_version if origin else 0


def refuse_if_older(conn: sqlite3.Connection, pack: CheckedPack) -> None:
    """OlderPackError if the pack's content is older than the content on show."""
    on_show = content_version_on_show(conn)
    if pack.content_version < on_show:
        raise OlderPackError(
            [
                Problem(
                    pack.name,
                    "",
                    "",
                    f"holds content version {pack.content_version}, older than version {on_show} on show now, so it "
                    "was not imported. To go back to it on purpose: kiosk-admin import-older PACK",
                )
            ]
        )


def refuse_identical_pack(conn: sqlite3.Connection, pack: CheckedPack, changes: ContentChanges) -> None:
    """NothingToChange if the pack holds what patients see now; a newer content version of it is still recorded,
    so the watched folder counts it as on show."""
    if not changes.nothing:
        return
    if pack.content_version > content_version_on_show(conn):
        with transaction(conn):
            write_content_origin(conn, pack.content_version, pack.signer, pack.name)
    refuse_if_unchanged(changes, f"The pack '{pack.name}' holds exactly what patients see now: nothing to import.")


def read_pack(path: Path) -> Document:
    """The checked content and settings in the pack at `path` (PackError or ContentError if it is not usable)."""
    return open_pack(Path(path), None).document


def validate_pack(path: Path) -> list[Problem]:
    """Every problem with the pack at `path`, each saying where it is; an empty list if it can be imported."""
    try:
        read_pack(path)
    except ContentError as error:
        return error.problems
    return []


def preview_import(conn: sqlite3.Connection, path: Path, allow_older: bool = False) -> ImportPreview:
    """What importing the pack at `path` would change; changes nothing."""
    pack = open_pack(path, trust_of(conn, by_hand=True))
    if not allow_older:
        refuse_if_older(conn, pack)
    changes = compare(published_document(conn), pack.document)
    return ImportPreview(
        pack.name, pack.manifest["created_at"], changes, read_draft(conn) is not None, pack.content_version, pack.signer
    )


def import_pack(
    conn: sqlite3.Connection,
    path: Path,
    backup_dir: Path | None = None,
    discard_draft: bool = False,
    allow_older: bool = False,
    by_hand: bool = True,
) -> ImportReport:
    """Check the pack, back up, then publish its content as a new version "Imported <file name>" — all or nothing."""
    return import_checked_pack(conn, open_pack(path, trust_of(conn, by_hand)), backup_dir, discard_draft, allow_older)


def import_checked_pack(
    conn: sqlite3.Connection,
    pack: CheckedPack,
    backup_dir: Path | None = None,
    discard_draft: bool = False,
    allow_older: bool = False,
) -> ImportReport:
    """Back up, then publish a checked pack's content and record its content version and signer, in one go."""
    if not allow_older:
        refuse_if_older(conn, pack)
    refuse_if_draft(conn, discard_draft)
    changes = compare(published_document(conn), pack.document)
    refuse_identical_pack(conn, pack, changes)
    backup = take_backup(conn, "before-import", backup_dir)
    with transaction(conn):
        version = apply_document(conn, pack.document, f"Imported {pack.name}", "import pack", discard_draft)
        write_content_origin(conn, pack.content_version, pack.signer, pack.name)
    return ImportReport(version, changes, backup)


def pack_bytes(document: Document, now: datetime.datetime | None = None, content_version: int = 0) -> bytes:
    """A complete pack of `document`, as the bytes of a .zip file."""
    now = (now or datetime.datetime.now(datetime.UTC)).astimezone(datetime.UTC).replace(microsecond=0)
    content = document_json(document_to_data(document))
    manifest = {
        "format": PACK_FORMAT,
        # Format 1 when there is nothing to translate, so kiosks from before translations can still read it.
        "format_version": FORMAT_VERSION if document.content.translations else ENGLISH_ONLY_FORMAT,
        "created_at": now.isoformat(),
        "kiosk_version": kiosk.__version__,
        "files": {CONTENT: {"size": len(content), "sha256": hashlib.sha256(content).hexdigest()}},
    }
    if content_version:
        manifest["content_version"] = content_version
    return zip_members({MANIFEST: document_json(manifest), CONTENT: content}, now)


def with_content_version(zip_data: bytes, name: str, content_version: int) -> bytes:
    """The same pack (checked first) with `content_version` in its manifest; every other file as it was."""
    manifest, _ = read_members(zip_data, name)
    manifest = {**manifest, "content_version": content_version}
    with zipfile.ZipFile(io.BytesIO(zip_data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist() if info.filename != MANIFEST}
    now = datetime.datetime.fromisoformat(manifest["created_at"])
    return zip_members({MANIFEST: document_json(manifest), **members}, now)


def zip_members(members: dict[str, bytes], now: datetime.datetime) -> bytes:
    """A .zip of `members`, in order, dated `now`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
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
