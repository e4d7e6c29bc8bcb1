"""The heartbeat file a running kiosk keeps fresh for monitoring: the time, versions and the kind of screen.

Nothing about patients: the kind of screen ("start", "treatment", "closed", "staff"), never which card.
"""

import datetime
import json
import os
from pathlib import Path

import kiosk

HEARTBEAT_SECONDS = 60
STALE_AFTER_SECONDS = 3 * HEARTBEAT_SECONDS


def heartbeat_path(db_path: Path) -> Path:
    """Where the kiosk on `db_path` writes its heartbeat: kiosk.heartbeat.json beside kiosk.db."""
    return Path(db_path).with_suffix(".heartbeat.json")


def write_heartbeat(db_path: Path, screen: str, content_version: int, now: datetime.datetime | None = None) -> Path:
    """Replace the heartbeat file in one step, so a monitoring tool never reads half of it."""
    now = (now or datetime.datetime.now(datetime.UTC)).astimezone(datetime.UTC)
    beat = {
        "time": now.isoformat(timespec="seconds"),
        "kiosk_version": kiosk.__version__,
        "content_version": content_version,
        "screen": screen,
        "pid": os.getpid(),
        "every_seconds": HEARTBEAT_SECONDS,
    }
    path = heartbeat_path(db_path)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(beat, indent=1) + "\n", encoding="utf-8")
    os.replace(partial, path)
    return path


def read_heartbeat(db_path: Path, now: datetime.datetime | None = None) -> dict | None:
    """The last heartbeat with its age in seconds and whether it is fresh, or None if there is none."""
    try:
        beat = json.loads(heartbeat_path(db_path).read_text(encoding="utf-8"))
        when = datetime.datetime.fromisoformat(beat["time"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    now = now or datetime.datetime.now(datetime.UTC)
    age = max(0, int((now - when).total_seconds()))
    return {**beat, "age_seconds": age, "fresh": age <= STALE_AFTER_SECONDS}
