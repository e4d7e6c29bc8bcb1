"""Health for IT: one report on a kiosk's database, content, backups, disk and damage, for `check --json`.

Read-only. Speech and printer availability come from Qt, so the caller (kiosk-admin) adds them.
"""

import datetime
import shutil
import sqlite3
from pathlib import Path

from kiosk.content.heartbeat import read_heartbeat
from kiosk.content.recovery import RECOVERY_ACTION
from kiosk.content.settings import load_settings
from kiosk.storage.audit import read_audit_log
from kiosk.storage.backup import BACKUP_FOLDER, automatic_backups
from kiosk.storage.errors import KnownError, plain_reason
from kiosk.storage.fleet import content_origin, trusted_keys, watched_files
from kiosk.storage.health import database_health, open_read_only, table_names

LOW_DISK_BYTES = 500 * 1024 * 1024
BACKUP_TOO_OLD_DAYS = 30
PROBLEM_STATES = ("refused",)
RECENT_DAMAGE_DAYS = 14  # a recovery counts as needing attention this long; it stays listed after that


def health_report(db_path: Path, now: datetime.datetime | None = None) -> dict:
    """Everything IT wants to know about one kiosk; "attention" lists what needs a person, in plain words."""
    now = now or datetime.datetime.now(datetime.UTC)
    attention: list[str] = []
    report: dict = {"database": {"path": str(Path(db_path).absolute())}}
    try:
        conn = open_read_only(db_path)
    except KnownError as error:
        report["database"]["integrity"] = str(error)
        attention.append(str(error))
        conn = None
    if conn is not None:
        try:
            _read_database(conn, report, attention, now)
        except sqlite3.Error as error:
            report["database"]["integrity"] = f"unreadable: {error}"
            attention.append(f"The database cannot be read: {plain_reason(error)}")
        finally:
            conn.close()
    report["damaged_copies"] = sorted(
        path.name for path in Path(db_path).parent.glob(f"{Path(db_path).name}.damaged-*")
    )
    report["last_backup"] = _last_backup(Path(db_path), now, attention)
    report["disk"] = _disk(Path(db_path), attention)
    report["heartbeat"] = read_heartbeat(Path(db_path), now)
    report["attention"] = attention
    report["healthy"] = not attention
    return report


def _days_since(text: str, now: datetime.datetime) -> float:
    try:
        return (now - datetime.datetime.fromisoformat(text)).total_seconds() / 86400
    except (TypeError, ValueError):
        return 0.0


def _read_database(conn: sqlite3.Connection, report: dict, attention: list[str], now: datetime.datetime) -> None:
    health = database_health(conn)
    problems = [
        *health.integrity_problems,
        *health.broken_links,
        *(f"missing table {t}" for t in health.missing_tables),
    ]
    report["database"].update(
        schema_version=health.schema_version, integrity="ok" if not problems else "; ".join(problems[:10])
    )
    if problems:
        attention.append("The database is damaged: restart the kiosk, it restores the newest good backup by itself.")
    tables = table_names(conn)
    if "content_origin" in tables:
        origin = content_origin(conn)
        report["content"] = {
            "content_version": origin.content_version if origin else 0,
            "signer": origin.signer if origin else None,
            "pack": origin.pack_name if origin else None,
            "imported_at": origin.imported_at if origin else None,
        }
        report["trusted_keys"] = [key.fingerprint for key in trusted_keys(conn)]
        files = watched_files(conn)
        folder = load_settings(conn).watched_folder
        report["watched_folder"] = {
            "path": folder or None,
            "exists": bool(folder) and Path(folder).is_dir(),
            "files": [{"file": f.name, "state": f.state, "message": f.message, "seen_at": f.seen_at} for f in files],
        }
        for file in files:
            if file.state in PROBLEM_STATES:
                attention.append(f"Watched folder: '{file.name}' {file.message}")
    if "audit_log" in tables:
        events = [entry for entry in read_audit_log(conn, 5000) if entry.action == RECOVERY_ACTION][:10]
        report["damaged_database_events"] = [{"at": entry.at, "what": entry.detail} for entry in events]
        if events and _days_since(events[0].at, now) <= RECENT_DAMAGE_DAYS:
            attention.append(
                f"The database was found damaged on {events[0].at[:16]} UTC and replaced: {events[0].detail}"
            )


def _last_backup(db_path: Path, now: datetime.datetime, attention: list[str]) -> dict | None:
    backups = automatic_backups(db_path.parent / BACKUP_FOLDER)
    if not backups:
        return None
    newest = backups[0]
    when = datetime.datetime.fromtimestamp(newest.stat().st_mtime, datetime.UTC)
    age_days = (now - when).total_seconds() / 86400
    if age_days > BACKUP_TOO_OLD_DAYS:
        attention.append(f"The newest backup is {age_days:.0f} days old. Run: kiosk-admin backup")
    return {"file": newest.name, "at": when.isoformat(timespec="seconds"), "age_days": round(age_days, 1)}


def _disk(db_path: Path, attention: list[str]) -> dict:
    try:
        usage = shutil.disk_usage(db_path.parent)
    except OSError as error:
        return {"error": error.strerror or str(error)}
    if usage.free < LOW_DISK_BYTES:
        attention.append(f"The kiosk's disk has only {usage.free // (1024 * 1024)} MB free. Free some space.")
    return {"free_bytes": usage.free, "total_bytes": usage.total}


def staff_lines(conn: sqlite3.Connection) -> list[str]:
    """For the staff home: the content version and its signer, and any pack the watched folder left alone."""
    origin = content_origin(conn)
    if origin is None:
        lines = ["Content version: none yet (the content that came with the kiosk, or edited here)."]
    else:
        labels = {key.fingerprint: key.label for key in trusted_keys(conn)}
        signer = (
            f"signed with key {origin.signer}" + (f" ({labels[origin.signer]})" if labels.get(origin.signer) else "")
            if origin.signer
            else "not signed (imported by hand)"
        )
        lines = [f"Content version {origin.content_version}, {signer}, from '{origin.pack_name}'."]
    for found in watched_files(conn):
        if found.state in (*PROBLEM_STATES, "waiting", "copying"):
            lines.append(f"Watched folder: '{found.name}' {found.message}.")
    return lines
