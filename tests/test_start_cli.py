"""Starting the real `kiosk` command: first start, later starts, and every kind of bad --db."""

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager

import pytest

from kiosk.content.library import Library
from kiosk.storage.migrations import latest_version


def run_kiosk(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args], capture_output=True, text=True, timeout=timeout, env=env
    )


def test_first_start_creates_the_database_from_migrations_and_bundled_content(db_path):
    library = Library.open(db_path)
    assert library.conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    assert len(library.content().treatments) >= 1
    library.close()


def test_later_start_keeps_content_and_applies_nothing_twice(db_path):
    library = Library.open(db_path)
    library.conn.execute("UPDATE treatment SET name = 'Changed by staff' WHERE position = 0")
    library.close()
    again = Library.open(db_path)
    assert again.content().treatments[0].name == "Changed by staff"
    again.close()


def test_not_a_database_is_refused_and_left_untouched(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"Shopping list: milk, eggs\n" * 100)
    before = notes.read_bytes()
    result = run_kiosk("--db", str(notes), "--windowed")
    assert result.returncode == 2
    assert str(notes) in result.stderr and "not a kiosk database" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert notes.read_bytes() == before


def test_a_folder_is_refused(tmp_path):
    result = run_kiosk("--db", str(tmp_path), "--windowed")
    assert result.returncode == 2
    assert f"{tmp_path}: this is a folder" in result.stderr


@pytest.mark.parametrize("place", ["/proc/kiosk/kiosk.db", "/proc/version/kiosk.db"])
def test_an_unwritable_place_is_refused(place):
    result = run_kiosk("--db", place, "--windowed")
    assert result.returncode == 2
    assert place in result.stderr
    assert "Traceback" not in result.stderr


def test_a_newer_schema_is_refused_and_never_downgraded(db_path):
    Library.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 5}")
    conn.close()
    before = db_path.read_bytes()
    result = run_kiosk("--db", str(db_path), "--windowed")
    assert result.returncode == 2
    assert "newer version of the kiosk" in result.stderr
    assert db_path.read_bytes() == before
    assert sqlite3.connect(db_path).execute("PRAGMA user_version").fetchone()[0] == latest_version() + 5


def test_help_names_the_options():
    result = run_kiosk("--help")
    assert result.returncode == 0
    assert "--db" in result.stdout and "--windowed" in result.stdout


@contextmanager
def running_kiosk(db_path, until: Callable[[], bool], **environment: str):
    """The real `kiosk` in a subprocess, running once `until()` holds (it is stopped when the block ends)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **environment)
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--db", str(db_path), "--windowed"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not until() and time.monotonic() < deadline:
            try:
                kiosk.wait(timeout=0.1)  # returns only if the kiosk stopped, which the assert below reports
                break
            except subprocess.TimeoutExpired:
                continue
        assert kiosk.poll() is None, kiosk.stderr.read()
        yield kiosk
    finally:
        kiosk.terminate()
        kiosk.wait(timeout=30)


def test_a_second_kiosk_on_the_same_database_is_refused(db_path):
    lock = db_path.with_name(db_path.name + ".lock")
    with running_kiosk(db_path, until=lock.exists):
        second = run_kiosk("--db", str(db_path), "--windowed")
        assert second.returncode == 2
        assert "another kiosk is already running" in second.stderr


def test_the_default_database_lives_in_the_app_data_folder():
    from kiosk.app import default_database_path

    path = default_database_path()
    assert path.name == "kiosk.db"
    assert path.parent.name == "hairloss-kiosk" and path.parent.parent.name != "hairloss-kiosk"


def test_a_running_kiosk_keeps_its_log_in_the_app_data_folder(db_path, tmp_path):
    data_home = tmp_path / "data"
    log_file = data_home / "hairloss-kiosk" / "logs" / "kiosk.log"
    with running_kiosk(db_path, until=log_file.exists, XDG_DATA_HOME=str(data_home)):
        assert log_file.exists()


def test_the_kiosk_command_recovers_a_damaged_database_checked_beside_its_start(db_path):
    from test_damage_by_facts import damage, healthy_database

    from kiosk.content.heartbeat import heartbeat_path
    from kiosk.content.recovery import RECOVERY_ACTION
    from kiosk.storage.audit import read_audit_log

    healthy_database(db_path)
    damage(db_path)
    with running_kiosk(db_path, until=heartbeat_path(db_path).exists):  # written after the first frame
        assert any(db_path.parent.glob("*.damaged-*"))
    library = Library.open(db_path)
    assert library.recovery is None  # recovered by the kiosk, not by this check
    assert read_audit_log(library.conn)[0].action == RECOVERY_ACTION
    assert len(library.content().treatments) >= 1
    library.close()
