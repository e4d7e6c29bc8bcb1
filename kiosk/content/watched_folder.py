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
    ImportReport,
    import_checked_pack,
    open_pack,
    trust_of,
    untrusted_message,
)
from kiosk.content.publishing import NothingToChange
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
    candidate: Path | None
    candidate_version: int = 0


@dataclass(frozen=True)
class PackFacts:
    """What a pack file's bytes say whichever kiosk looks: who signed it and its content version, or its problem."""

    signer: str | None = None
    content_version: int = 0
    problem: str | None = None
    incomplete: bool = False


# Facts about files already read, so a folder of many old packs is not read again at every look. Keyed by
# what changes whenever a file does (size, times, inode); trust and versions are judged afresh every time.
_facts: dict[tuple, PackFacts] = {}


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


def pack_facts(path: Path, key: tuple) -> PackFacts:
    """The facts of the pack at `path` (its signature checked first), read once per version of the file."""
    if key not in _facts:
        try:
            pack = open_pack(path, None)
            _facts[key] = PackFacts(pack.signer, pack.content_version)
        except IncompletePackError as error:
            _facts[key] = PackFacts(problem=error.problems[0].message, incomplete=True)
        except (ContentError, KnownError) as error:
            _facts[key] = PackFacts(problem=_first(error))
    return _facts[key]


def look_at_folder(conn: sqlite3.Connection, folder: Path, now: float | None = None) -> FolderLook:
    """Check every pack in `folder` (signature first) against this kiosk's keys and content version."""
    now = time.time() if now is None else now
    origin = content_origin(conn)
    on_show = origin.content_version if origin else 0
    newest_seen = origin.newest_seen if origin else 0
    trust = trust_of(conn, by_hand=False)
    findings: list[WatchedFile] = []
    valid: list[tuple[int, Path, WatchedFile]] = []
    keys = set()
    for path in pack_files(Path(folder)):
        try:
            stat = path.stat()
        except OSError:
            continue
        seen = WatchedFile(path.name, stat.st_size, stat.st_mtime, "copying", "", utc_now_text())
        if now - stat.st_mtime < SETTLE_SECONDS:
            findings.append(replace(seen, message="is still being copied; it will be looked at again"))
            continue
        key = (str(path), stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
        keys.add(key)
        facts = pack_facts(path, key)
        version = facts.content_version
        if facts.incomplete:
            stuck = now - stat.st_mtime > GIVE_UP_SECONDS
            state = "refused" if stuck else "copying"
            message = "stopped part way through copying: copy it again" if stuck else facts.problem
            findings.append(replace(seen, state=state, message=message))
        elif facts.problem:
            findings.append(replace(seen, state="refused", message=facts.problem))
        elif facts.signer is None:
            findings.append(replace(seen, state="refused", message=UNSIGNED_IN_FOLDER))  # never, whatever the setting
        elif facts.signer not in trust.fingerprints:
            findings.append(replace(seen, state="refused", message=untrusted_message(facts.signer)))
        elif version == on_show and origin is not None and origin.pack_name == path.name:
            findings.append(replace(seen, state="imported", message=f"is on show (content version {on_show})"))
        elif version <= newest_seen:
            message = f"holds content version {version}; this kiosk has had version {newest_seen}"
            findings.append(replace(seen, state="old", message=message))
        else:
            valid.append((version, path, seen))
    _forget_gone(Path(folder), keys)
    newest = max(valid, key=lambda entry: entry[0], default=None)
    for version, path, seen in valid:
        if path == newest[1]:
            message = f"holds content version {version}: imported at the next quiet moment"
            findings.append(replace(seen, state="waiting", message=message))
        else:
            message = f"holds content version {version}; a newer pack is in the folder"
            findings.append(replace(seen, state="old", message=message))
    findings.sort(key=lambda found: found.name)
    return FolderLook(tuple(findings), newest[1] if newest else None, newest[0] if newest else 0)


def _forget_gone(folder: Path, keys: set[tuple]) -> None:
    """Drop facts about this folder's files that are gone or changed."""
    for key in [key for key in _facts if Path(key[0]).parent == folder and key not in keys]:
        del _facts[key]


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
            pack = open_pack(look.candidate, trust_of(conn, by_hand=False))  # read and checked again, then used
            if pack.content_version != look.candidate_version:
                raise KnownError("it changed while the kiosk was looking at it")
            report = import_checked_pack(conn, pack)
            message = f"is on show (content version {pack.content_version})"
            log.info("Imported %s from the watched folder", pack.name)
        except NothingToChange:
            message = f"holds the content on show already (content version {pack.content_version})"
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
