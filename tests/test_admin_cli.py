"""kiosk-admin as staff use it: settings, check, history and rollback, backup and restore, help and mistakes."""

import os
import sqlite3
import subprocess
import sys

import pytest
from admin_runner import database_dump, kiosk_admin, pack_bytes, valid_document

COMMANDS = ["export", "validate", "import", "history", "rollback", "check", "backup", "restore", "settings",
            "set-pin", "snapshot"]  # fmt: skip


@pytest.fixture
def db(tmp_path):
    """A kiosk database made by kiosk-admin itself."""
    path = tmp_path / "kiosk.db"
    assert kiosk_admin(path, "history").returncode == 0
    return path


def test_every_command_explains_itself(db):
    listing = kiosk_admin(db, "--help")
    assert listing.returncode == 0
    for command in COMMANDS:
        assert command in listing.stdout
        helped = kiosk_admin(db, command, "--help")
        assert helped.returncode == 0 and "usage: kiosk-admin" in helped.stdout, command


@pytest.mark.parametrize(
    "arguments", [[], ["fly"], ["rollback", "two"], ["import"], ["settings", "get", "colour"], ["settings"]]
)
def test_mistyped_commands_are_usage_errors(db, arguments):
    result = kiosk_admin(db, *arguments)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_settings_are_shown_and_changed_within_their_ranges(db):
    assert kiosk_admin(db, "settings", "set", "idle_timeout_seconds", "120").returncode == 0
    assert kiosk_admin(db, "settings", "get", "idle_timeout_seconds").stdout.strip() == "120"
    named = kiosk_admin(db, "settings", "set", "clinic_name", "Hillside Hair Clinic")
    assert named.returncode == 0 and "clinic_name is now: Hillside Hair Clinic" in named.stdout
    listing = kiosk_admin(db, "settings", "get").stdout
    assert "clinic_name = Hillside Hair Clinic" in listing and "idle_timeout_seconds = 120" in listing

    before = database_dump(db)
    too_small = kiosk_admin(db, "settings", "set", "idle_timeout_seconds", "5")
    assert too_small.returncode == 1
    assert "must be between 15 and 3600" in too_small.stderr and "Nothing was changed." in too_small.stderr
    not_number = kiosk_admin(db, "settings", "set", "backups_to_keep", "lots")
    assert not_number.returncode == 1 and "whole number" in not_number.stderr
    empty_guidance = kiosk_admin(db, "settings", "set", "doctor_guidance", "")
    assert empty_guidance.returncode == 1 and "cannot be empty" in empty_guidance.stderr
    assert database_dump(db) == before


def test_check_says_a_good_database_is_in_order(db):
    result = kiosk_admin(db, "check")
    assert result.returncode == 0, result.stderr
    from kiosk.storage.migrations import latest_version

    latest = latest_version()
    assert f"Schema version {latest} (this kiosk writes version {latest})" in result.stdout
    assert "Everything is in order." in result.stdout


def test_check_changes_nothing_and_does_not_create_a_database(tmp_path, db):
    before = database_dump(db)
    kiosk_admin(db, "check")
    assert database_dump(db) == before
    missing = kiosk_admin(tmp_path / "none.db", "check")
    assert missing.returncode == 1 and "There is no kiosk database" in missing.stderr
    assert not (tmp_path / "none.db").exists()


def _write(db, *statements):
    conn = sqlite3.connect(db)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def test_check_finds_content_problems(db):
    _write(db, "UPDATE treatment SET summary = '' WHERE position = 0")
    card = sqlite3.connect(db).execute("SELECT id FROM treatment WHERE position = 0").fetchone()[0]
    result = kiosk_admin(db, "check")
    assert result.returncode == 1
    assert f"item '{card}', field 'summary': is empty" in result.stderr


def test_check_finds_broken_links(db):
    _write(db, "INSERT INTO condition_treatment (condition_id, treatment_id, position) VALUES ('no-condition', 'x', 0)")
    result = kiosk_admin(db, "check")
    assert result.returncode == 1
    assert "Broken link: a row in condition_treatment points to a missing row in" in result.stderr


def test_check_finds_settings_out_of_range(db):
    _write(db, "INSERT OR REPLACE INTO setting (key, value) VALUES ('idle_timeout_seconds', '2')")
    result = kiosk_admin(db, "check")
    assert result.returncode == 1
    assert "Setting: idle_timeout_seconds must be between 15 and 3600" in result.stderr


def test_check_mentions_a_recovery_at_start(db):
    _write(db, "INSERT INTO audit_log (at, action, detail) VALUES ('2026-11-25T08:00:00+00:00', "
               "'recovered-damaged-database', 'The kiosk database was damaged.')")  # fmt: skip
    result = kiosk_admin(db, "check")
    assert result.returncode == 0
    assert "Note, 2026-11-25 08:00 UTC: The kiosk database was damaged." in result.stdout


def test_check_refuses_a_database_from_a_newer_kiosk(db):
    _write(db, "PRAGMA user_version = 99")
    result = kiosk_admin(db, "check")
    assert result.returncode == 1 and "made by a newer kiosk" in result.stderr


def test_history_and_rollback(tmp_path, db):
    document = valid_document()
    document["treatments"][0]["summary"] = "A newer summary."
    pack = tmp_path / "newer.zip"
    pack.write_bytes(pack_bytes(document))
    assert kiosk_admin(db, "import", str(pack)).returncode == 0
    history = kiosk_admin(db, "history").stdout.splitlines()
    assert "Imported newer.zip  (shown now)" in history[0] and history[0].split()[0] == "2"
    assert "Content as first installed" in history[1]

    back = kiosk_admin(db, "rollback", "1")
    assert back.returncode == 0, back.stderr
    assert "Version 1 is shown again, as new version 3." in back.stdout
    first = sqlite3.connect(db).execute("SELECT summary FROM treatment WHERE position = 0").fetchone()[0]
    assert first != "A newer summary."

    before = database_dump(db)
    missing = kiosk_admin(db, "rollback", "42")
    assert missing.returncode == 1 and "There is no version 42" in missing.stderr
    assert database_dump(db) == before


def test_backup_and_restore_through_the_command_line(tmp_path, db):
    copy = tmp_path / "usb" / "before-changes.db"
    saved = kiosk_admin(db, "backup", str(copy))
    assert saved.returncode == 0 and str(copy) in saved.stdout
    assert kiosk_admin(db, "settings", "set", "clinic_name", "Changed later").returncode == 0

    restored = kiosk_admin(db, "restore", str(copy))
    assert restored.returncode == 0, restored.stderr
    assert "The database as it was just before is saved in" in restored.stdout
    assert kiosk_admin(db, "settings", "get", "clinic_name").stdout.strip() != "Changed later"

    before = database_dump(db)
    junk = tmp_path / "junk.db"
    junk.write_text("not a database")
    refused = kiosk_admin(db, "restore", str(junk))
    assert refused.returncode == 1
    assert "not a kiosk backup" in refused.stderr and "Nothing was changed." in refused.stderr
    assert database_dump(db) == before


def test_only_the_newest_backups_are_kept(tmp_path, db):
    assert kiosk_admin(db, "settings", "set", "backups_to_keep", "2").returncode == 0
    for _ in range(4):
        assert kiosk_admin(db, "backup").returncode == 0
    assert len(list((tmp_path / "backups").iterdir())) == 2


def test_without_db_the_usual_database_is_used(tmp_path):
    environment = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path / "home"))
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.admin", "settings", "get", "backups_to_keep"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "10"
    assert list((tmp_path / "data").rglob("kiosk.db"))
