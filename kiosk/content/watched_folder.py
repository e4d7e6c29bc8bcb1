"""The watched folder: new signed packs that appear in one folder are imported by themselves.

A pack is imported only if it is validly signed by a trusted key, complete, and newer than any content this
kiosk has shown, and only when the caller says it is a quiet moment (no patient). Everything else is left in
the folder as it is, and what was found is recorded for the staff home and `kiosk-admin check`. No Qt here:
kiosk.ui.unattended watches the folder and says when it is quiet; bench/fleet.py and the tests call this directly.
"""

import logging
import sqlite3
import time
from dataclasses import dataclass, replace
from pathlib import Path

from kiosk.content.packs import (
    UNSIGNED_IN_FOLDER,
    CheckedPack,
    ImportReport,
    import_checked_pack,
    open_pack,
    trust_of,
)
from kiosk.content.schema import ContentError
from kiosk.content.signing import IncompletePackError
from kiosk.storage.errors import KnownError, plain_reason
from kiosk.storage.fleet import WatchedFile, content_origin, replace_watched_files, watched_files
from kiosk.storage.versions import utc_now_text

log = logging.getLogger("kiosk.watched_folder")
SETTLE_SECONDS = 5.0  # a file written to this recently may still be being copied: looked at again later
GIVE_UP_SECONDS = 600.0  # a file still incomplete after this long is a broken copy, not one in progress


@dataclass(frozen=True)
class FolderLook:
    """What each file in the folder is, and the pack to import at the next quiet moment (if any)."""

    findings: tuple[WatchedFile, ...]
    candidate: CheckedPack | None


def pack_files(folder: Path) -> list[Path]:
    """The .zip files in `folder`, leaving out hidden and partial ones (sync tools write those first)."""
    try:
        return sorted(
            path
            for path in folder.iterdir()
            if path.suffix.lower() == ".zip" and not path.name.startswith(".") and path.is_file()
        )
    except OSError:
        return []


def look_at_folder(conn: sqlite3.Connection, folder: Path, now: float | None = None) -> FolderLook:
    """Check every pack in `folder` (signature first) against this kiosk's keys and content version."""
    now = time.time() if now is None else now
    origin = content_origin(conn)
    on_show = origin.content_version if origin else 0
    newest_seen = origin.newest_seen if origin else 0
    trust = trust_of(conn, by_hand=False)
    findings: list[WatchedFile] = []
    valid: list[tuple[CheckedPack, WatchedFile]] = []
    for path in pack_files(Path(folder)):
        try:
            stat = path.stat()
        except OSError:
            continue
        seen = WatchedFile(path.name, stat.st_size, stat.st_mtime, "copying", "", utc_now_text())
        if now - stat.st_mtime < SETTLE_SECONDS:
            findings.append(replace(seen, message="is still being copied; it will be looked at again"))
            continue
        try:
            pack = open_pack(path, trust)
        except IncompletePackError as error:
            stuck = now - stat.st_mtime > GIVE_UP_SECONDS
            state = "refused" if stuck else "copying"
            message = "stopped part way through copying: copy it again" if stuck else error.problems[0].message
            findings.append(replace(seen, state=state, message=message))
            continue
        except (ContentError, KnownError) as error:
            findings.append(replace(seen, state="refused", message=_first(error)))
            continue
        if pack.signer is None:
            findings.append(replace(seen, state="refused", message=UNSIGNED_IN_FOLDER))  # never, whatever the setting
        elif pack.content_version == on_show and origin is not None and origin.pack_name == path.name:
            findings.append(replace(seen, state="imported", message=f"is on show (content version {on_show})"))
        elif pack.content_version <= newest_seen:
            message = f"holds content version {pack.content_version}; this kiosk has had version {newest_seen}"
            findings.append(replace(seen, state="old", message=message))
        else:
            valid.append((pack, seen))
    candidate = max(valid, key=lambda entry: entry[0].content_version, default=(None, None))[0]
    for pack, seen in valid:
        if pack is candidate:
            message = f"holds content version {pack.content_version}: imported at the next quiet moment"
            findings.append(replace(seen, state="waiting", message=message))
        else:
            message = f"holds content version {pack.content_version}; a newer pack is in the folder"
            findings.append(replace(seen, state="old", message=message))
    return FolderLook(tuple(sorted(findings, key=lambda found: found.name)), candidate)


def _first(error: Exception) -> str:
    if isinstance(error, sqlite3.Error):
        return plain_reason(error)
    problems = getattr(error, "problems", None)
    if problems and len(problems) == 1 and not problems[0].item and not problems[0].field:
        return problems[0].message
    if problems:
        return f"cannot be used: {problems[0]}" + (
            f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        )
    return str(error)


def record_findings(conn: sqlite3.Connection, findings: tuple[WatchedFile, ...]) -> bool:
    """Store the findings if they differ from the last ones (keeping when each file was first seen); True if so."""
    before = {found.name: found for found in watched_files(conn)}
    kept = tuple(
        replace(found, seen_at=before[found.name].seen_at) if found.name in before else found for found in findings
    )
    if {found.name: found for found in kept} == before:
        return False
    replace_watched_files(conn, list(kept))
    return True


def import_from_folder(
    conn: sqlite3.Connection, folder: Path, quiet: bool, now: float | None = None
) -> ImportReport | None:
    """Look at the folder, record what is there, and import the newest valid pack if it is a quiet moment."""
    look = look_at_folder(conn, folder, now)
    findings = look.findings
    report = None
    if look.candidate is not None and quiet:
        outcome, message = "imported", ""
        try:
            report = import_checked_pack(conn, look.candidate)
            message = f"is on show (content version {look.candidate.content_version})"
            log.info("Imported %s from the watched folder", look.candidate.name)
        except (ContentError, KnownError, sqlite3.Error) as error:  # a draft, a full disk: nothing changed
            outcome, message = "waiting", f"could not be imported yet ({_first(error)}); it will be tried again"
            log.warning("Watched folder: %s %s", look.candidate.name, message)
        findings = tuple(
            replace(found, state=outcome, message=message) if found.name == look.candidate.name else found
            for found in findings
        )
    try:
        record_findings(conn, findings)
    except sqlite3.Error as error:  # a full disk: the findings wait for the next look
        log.warning("Watched folder: could not record what was found (%s)", plain_reason(error))
    return report
