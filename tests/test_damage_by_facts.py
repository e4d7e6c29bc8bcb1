"""Damage judged by SQLite's error codes, never by words: a busy or locked database is waited out, not replaced."""

import os
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from kiosk.content import recovery
from kiosk.content.library import Library
from kiosk.storage.errors import DatabaseBusyError, SqliteErrorCode, is_busy, is_damage, plain_reason

HOLDER = Path(__file__).with_name("lock_holder.py")


@contextmanager
def held(kind: str, db: Path, seconds: float | None = None):
    """Another process holding `db` (kind "sqlite" or "kiosk"), until the block ends or after `seconds`."""
    extra = [] if seconds is None else [str(seconds)]
    holder = subprocess.Popen(
        [sys.executable, str(HOLDER), kind, str(db), *extra], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def set_aside_files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if ".damaged-" in path.name)


def error_with(code: int, message: str) -> sqlite3.Error:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code
    return error


@pytest.mark.parametrize("member", list(SqliteErrorCode))
def test_our_error_codes_are_sqlites_own(member):
    assert member.value == getattr(sqlite3, f"SQLITE_{member.name}")


def test_extended_codes_fold_into_their_primary_code():
    assert is_busy(error_with(sqlite3.SQLITE_BUSY_RECOVERY, "database is locked"))
    assert is_damage(error_with(sqlite3.SQLITE_CORRUPT_VTAB, "whatever the words"))
    assert not is_damage(error_with(sqlite3.SQLITE_IOERR_READ, "disk I/O error"))


def test_plain_reason_goes_by_the_code_not_the_words():
    assert "disk is full" not in plain_reason(error_with(sqlite3.SQLITE_ERROR, "no such column: fullname"))
    assert "no such column: fullname" in plain_reason(error_with(sqlite3.SQLITE_ERROR, "no such column: fullname"))
    assert "disk is full" in plain_reason(error_with(sqlite3.SQLITE_FULL, "something unexpected"))
    assert "Another program" in plain_reason(error_with(sqlite3.SQLITE_BUSY, "the file is damaged"))


def test_a_real_sqlite_error_carries_its_code(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.db")
    conn.execute("CREATE TABLE t (fullname TEXT)")
    with pytest.raises(sqlite3.OperationalError) as caught:
        conn.execute("SELECT full_name FROM t")
    assert "could not be used" in plain_reason(caught.value) and "full" not in plain_reason(caught.value)[:40]


def healthy_database(db_path: Path) -> None:
    library = Library.open(db_path)
    library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    library.close()


def test_a_database_locked_by_another_process_at_start_is_waited_out_not_moved_aside(db_path):
    healthy_database(db_path)
    with held("sqlite", db_path, seconds=1.5):
        library = Library.open(db_path)
    assert library.recovery is None
    assert len(library.content().treatments) >= 1
    library.close()
    assert set_aside_files(db_path.parent) == []


def test_a_database_locked_for_too_long_is_refused_with_nothing_moved(db_path):
    healthy_database(db_path)
    before = db_path.read_bytes()
    with held("sqlite", db_path):
        with pytest.raises(DatabaseBusyError) as refused:
            recovery.damage_of(db_path, wait_seconds=0.5)
    assert "another program" in str(refused.value) and "Nothing was changed" in str(refused.value)
    assert db_path.read_bytes() == before
    assert set_aside_files(db_path.parent) == []


def test_the_check_begun_at_start_answers_as_the_check_itself(db_path, tmp_path):
    healthy_database(db_path)
    assert recovery.DamageCheck(db_path).result() is None
    assert recovery.DamageCheck(tmp_path / "not-made-yet.db").result() is None
    with held("sqlite", db_path):
        with pytest.raises(DatabaseBusyError):  # raised in the thread that asks, not lost in the check's own
            recovery.DamageCheck(db_path, wait_seconds=0.5).result()
    damage(db_path)
    problem = recovery.DamageCheck(db_path).result()
    assert problem and problem == recovery.damage_of(db_path)


def test_recovery_checks_are_waited_out_while_another_process_holds_the_file(db_path):
    healthy_database(db_path)
    with held("sqlite", db_path, seconds=1.0):
        assert recovery.damage_of(db_path, wait_seconds=30) is None
    assert set_aside_files(db_path.parent) == []


def damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset : offset + 200] = os.urandom(200)
    path.write_bytes(bytes(data))


def test_a_second_kiosk_takes_the_lock_before_touching_a_damaged_database(db_path, tmp_path):
    healthy_database(db_path)
    damage(db_path)
    before = db_path.read_bytes()
    with held("kiosk", db_path):
        second = subprocess.run(
            [sys.executable, "-m", "kiosk", "--db", str(db_path), "--windowed"],
            capture_output=True,
            text=True,
            timeout=60,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data")),
        )
    assert second.returncode == 2
    assert "another kiosk is already running" in second.stderr
    assert db_path.read_bytes() == before
    assert set_aside_files(db_path.parent) == []
    assert (tmp_path / "data" / "hairloss-kiosk" / "logs" / "crash.log").exists()  # set up before anything else


def test_native_crashes_are_written_to_the_crash_log_in_the_log_folder(tmp_path):
    data = tmp_path / "data"
    script = (
        "import faulthandler\nfrom kiosk import app\nfrom kiosk.logs import enable_crash_log\n"
        "enable_crash_log(app.log_folder())\nfaulthandler._sigsegv()\n"
    )
    crashed = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(data)),
    )
    assert crashed.returncode != 0
    log = (data / "hairloss-kiosk" / "logs" / "crash.log").read_text()
    assert "Segmentation fault" in log and "File " in log


def test_the_real_kiosk_waits_for_a_database_another_process_holds_then_starts(db_path, tmp_path):
    from kiosk.content.heartbeat import heartbeat_path

    healthy_database(db_path)
    beat = heartbeat_path(db_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"))
    with held("sqlite", db_path, seconds=2.0):
        kiosk = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "--db", str(db_path), "--windowed"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
    try:
        deadline = time.monotonic() + 60
        while not beat.exists() and kiosk.poll() is None and time.monotonic() < deadline:
            try:
                kiosk.wait(timeout=0.1)
            except subprocess.TimeoutExpired:
                continue
        assert kiosk.poll() is None, kiosk.stderr.read()
    finally:
        kiosk.terminate()
        kiosk.wait(timeout=30)
    assert set_aside_files(db_path.parent) == []


def test_it_can_ask_a_stuck_kiosk_for_its_stacks_without_stopping_it(tmp_path):
    data = tmp_path / "data"
    script = (
        "import os, signal\nfrom kiosk import app\nfrom kiosk.logs import enable_crash_log\n"
        "enable_crash_log(app.log_folder())\nos.kill(os.getpid(), signal.SIGUSR1)\nprint('still running')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(data)),
    )
    assert done.returncode == 0 and "still running" in done.stdout
    assert "File " in (data / "hairloss-kiosk" / "logs" / "crash.log").read_text()
