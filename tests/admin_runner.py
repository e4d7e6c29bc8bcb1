"""Running the real kiosk-admin in a subprocess, making packs by hand, and seeing whether a database changed."""

import copy
import hashlib
import io
import json
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

from kiosk.content.bundled import load_bundle
from kiosk.content.document import content_to_document

GUIDANCE = "Talk to your doctor before you start or stop any treatment."


def kiosk_admin(db: Path, *arguments: str, stdin: str = "") -> subprocess.CompletedProcess:
    """Run `kiosk-admin --db DB ARGUMENTS...` as staff would, and capture what it says."""
    return subprocess.run(
        [sys.executable, "-m", "kiosk.admin", "--db", str(db), *arguments],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def valid_document() -> dict:
    """A complete, valid content document: the bundled content with its doctor guidance."""
    return copy.deepcopy(_BUNDLED)


_BUNDLED = content_to_document(load_bundle().content, {"clinic_name": "Hillside Clinic", "doctor_guidance": GUIDANCE})


def manifest_for(members: dict[str, bytes], **overrides) -> dict:
    """A manifest that truly describes `members`, with any field replaced by `overrides`."""
    manifest = {
        "format": "hairloss-kiosk-content-pack",
        "format_version": 1,
        "created_at": "2026-11-25T09:00:00+00:00",
        "kiosk_version": "0.1.0",
        "files": {
            name: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()} for name, data in members.items()
        },
    }
    manifest.update(overrides)
    return manifest


def zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip holding exactly `members` (names written as given, even unsafe ones)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 25, 9, 0, 0))
            info.compress_type = compression
            archive.writestr(info, data)
    return buffer.getvalue()


def pack_bytes(document=None, extra: dict[str, bytes] | None = None, content: bytes | None = None, **manifest) -> bytes:
    """A pack of `document` (default: valid) with a correct manifest unless `manifest` fields are overridden."""
    if content is None:
        content = json.dumps(valid_document() if document is None else document).encode()
    members = {"content.json": content, **(extra or {})}
    return zip_bytes({"manifest.json": json.dumps(manifest_for(members, **manifest)).encode(), **members})


def database_dump(db: Path) -> list[str]:
    """Every row of every table, as SQL, to compare a database before and after."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def version_count(db: Path) -> int:
    """How many content versions the database holds."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT COUNT(*) FROM content_version").fetchone()[0]
    finally:
        conn.close()
