"""kiosk-admin never makes a database by accident: only `init` (or the kiosk's first start) creates one."""

import os
import subprocess
import sys

import pytest
from admin_runner import kiosk_admin

NEEDS_A_DATABASE = [
    ["settings", "set", "clinic_name", "Hillside"],
    ["settings", "get"],
    ["history"],
    ["check"],
    ["backup"],
    ["export", "out.zip"],
    ["import", "pack.zip"],
    ["rollback", "1"],
    ["restore", "old.db"],
    ["audit"],
    ["snapshot", "--out", "shots"],
]


def run_without_db(home, *arguments: str) -> subprocess.CompletedProcess:
    """kiosk-admin with no --db, on a computer whose app data folder is under `home`."""
    environment = dict(os.environ, XDG_DATA_HOME=str(home / "data"), HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "kiosk.admin", *arguments],
        capture_output=True,
        text=True,
        env=environment,
        cwd=home,
        timeout=120,
    )


def files_under(folder) -> list:
    return sorted(path.relative_to(folder) for path in folder.rglob("*"))


@pytest.mark.parametrize("arguments", NEEDS_A_DATABASE, ids=lambda arguments: arguments[0])
def test_a_mistyped_db_is_refused_naming_both_paths_and_nothing_is_created(tmp_path, arguments):
    typo = tmp_path / "typo" / "kiosk.bd"
    before = files_under(tmp_path)
    result = run_without_db(tmp_path, "--db", str(typo), *arguments)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"There is no kiosk database at {typo}." in result.stderr
    own = tmp_path / "data" / "hairloss-kiosk" / "kiosk.db"
    assert f"The kiosk's own database is {own}: did you mean that one?" in result.stderr
    assert "Nothing was created or changed." in result.stderr
    assert "Traceback" not in result.stderr
    assert files_under(tmp_path) == before  # no database file, no folder


def test_without_db_a_kiosk_never_started_says_how_to_make_its_database(tmp_path):
    result = run_without_db(tmp_path, "settings", "set", "clinic_name", "Hillside")
    assert result.returncode == 1
    assert "The kiosk has not been started on this computer yet" in result.stderr
    assert "kiosk-admin init" in result.stderr
    assert not (tmp_path / "data").exists()


def test_init_makes_the_kiosks_own_database_then_other_commands_use_it(tmp_path):
    made = run_without_db(tmp_path, "init")
    assert made.returncode == 0, made.stderr
    own = tmp_path / "data" / "hairloss-kiosk" / "kiosk.db"
    assert own.is_file() and f"Made a new kiosk database at {own}" in made.stdout
    assert "kiosk-admin set-pin" in made.stdout
    again = run_without_db(tmp_path, "init")
    assert again.returncode == 0 and "already a kiosk database" in again.stdout
    assert run_without_db(tmp_path, "settings", "set", "clinic_name", "Hillside").returncode == 0
    assert run_without_db(tmp_path, "settings", "get", "clinic_name").stdout.strip() == "Hillside"


def test_db_may_come_before_or_after_the_command(tmp_path):
    db = tmp_path / "kiosk.db"
    assert kiosk_admin(db, "init").returncode == 0
    after = run_without_db(tmp_path, "settings", "set", "clinic_name", "After", "--db", str(db))
    assert after.returncode == 0, after.stderr
    middle = run_without_db(tmp_path, "settings", "--db", str(db), "get", "clinic_name")
    assert middle.stdout.strip() == "After"
    assert run_without_db(tmp_path, "history", "--db", str(db)).returncode == 0
    assert not (tmp_path / "data").exists()  # the kiosk's own database was never touched


def test_a_folder_given_as_db_is_refused(tmp_path):
    result = kiosk_admin(tmp_path, "history")
    assert result.returncode == 1
    assert f"{tmp_path} is a folder, not a kiosk database file." in result.stderr
