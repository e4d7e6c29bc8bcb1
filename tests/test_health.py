"""Health for IT: `kiosk-admin check --json` on healthy and damaged kiosks, and the running kiosk's heartbeat."""

import json
import os
import subprocess
import sys
import time

from admin_runner import kiosk_admin
from fleet_helpers import json_of

from kiosk.admin import devices
from kiosk.content.heartbeat import heartbeat_path
from kiosk.content.library import Library
from kiosk.storage.backup import automatic_backup


def healthy_kiosk(db):
    library = Library.open(db)
    automatic_backup(library.conn, "manual")
    library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    library.close()


def damage(path):
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset : offset + 200] = os.urandom(200)
    path.write_bytes(bytes(data))


def test_a_healthy_kiosk_reports_everything_and_exits_0(db_path):
    healthy_kiosk(db_path)
    result = kiosk_admin(db_path, "check", "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    report = json_of(result.stdout)
    assert report["healthy"] is True and report["attention"] == []
    assert report["database"]["integrity"] == "ok"
    assert report["content"]["content_version"] == 0
    assert report["last_backup"]["file"].startswith("kiosk-")
    assert report["disk"]["free_bytes"] > 0
    assert report["damaged_database_events"] == []
    for device in ("speech", "printer"):
        assert report[device]["available"] or report[device]["reason"]


def test_a_damaged_database_needs_attention(db_path):
    healthy_kiosk(db_path)
    damage(db_path)
    result = kiosk_admin(db_path, "check", "--json")
    assert result.returncode == 1
    report = json_of(result.stdout)
    assert report["healthy"] is False
    assert report["database"]["integrity"] != "ok"
    assert report["attention"]


def test_a_kiosk_that_recovered_from_damage_reports_the_event(db_path):
    healthy_kiosk(db_path)
    damage(db_path)
    Library.open(db_path).close()  # the next start sets the damaged file aside and restores the backup
    result = kiosk_admin(db_path, "check", "--json")
    assert result.returncode == 1
    report = json_of(result.stdout)
    assert report["database"]["integrity"] == "ok"
    assert len(report["damaged_database_events"]) == 1
    assert "moved to" in report["damaged_database_events"][0]["what"]
    assert report["damaged_copies"] and report["damaged_copies"][0].startswith("kiosk.db.damaged-")
    assert any("found damaged" in line for line in report["attention"])


def test_the_plain_check_still_answers_in_words(db_path):
    healthy_kiosk(db_path)
    result = kiosk_admin(db_path, "check")
    assert result.returncode == 0 and "Everything is in order." in result.stdout


def test_speech_without_an_engine_is_reported_with_the_reason(monkeypatch):
    from PySide6.QtTextToSpeech import QTextToSpeech

    monkeypatch.setattr(QTextToSpeech, "availableEngines", staticmethod(lambda: ["mock"]))
    status = devices.speech_status()
    assert status["available"] is False and "speech-dispatcher" in status["reason"]


def test_a_speech_engine_that_hangs_is_reported_and_does_not_hang_the_check(monkeypatch):
    from PySide6.QtTextToSpeech import QTextToSpeech

    monkeypatch.setattr(QTextToSpeech, "availableEngines", staticmethod(lambda: ["speechd", "mock"]))
    monkeypatch.setattr(devices, "_LIST_VOICES", "import time\ntime.sleep(30)")  # a speech-dispatcher that hangs
    started = time.monotonic()
    status = devices.speech_status(seconds=1)
    assert time.monotonic() - started < 10
    assert status["available"] is False and "did not answer within 1 seconds" in status["reason"]
    assert devices.voice_languages(seconds=1) == ("slow", set())


def test_the_running_kiosk_writes_a_heartbeat_with_nothing_about_patients(db_path, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"))
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--db", str(db_path), "--windowed"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    beat_file = heartbeat_path(db_path)
    try:
        deadline = time.monotonic() + 60
        while not beat_file.exists() and kiosk.poll() is None and time.monotonic() < deadline:
            try:
                kiosk.wait(timeout=0.1)
            except subprocess.TimeoutExpired:
                continue
        assert kiosk.poll() is None, kiosk.stderr.read()
        beat = json.loads(beat_file.read_text())
        report = json_of(kiosk_admin(db_path, "check", "--json").stdout)
    finally:
        kiosk.terminate()
        kiosk.wait(timeout=30)
    assert set(beat) == {"time", "kiosk_version", "content_version", "screen", "pid", "every_seconds"}
    assert beat["screen"] == "start" and beat["pid"] == kiosk.pid
    assert report["heartbeat"]["fresh"] is True and report["heartbeat"]["screen"] == "start"


def test_asking_about_speech_and_then_checking_characters_in_one_command_does_not_crash():
    """Qt reads fonts only with a GUI application: the device questions must not leave a bare one behind."""
    script = (
        "from kiosk.admin.devices import speech_status\n"
        "speech_status()\n"
        "from kiosk.content.glyphs import undrawable\n"
        "print(undrawable('hair \\U0001F600') == ['\\U0001F600'])\n"
    )
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environment, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"  # the emoji is named as one the kiosk cannot draw
