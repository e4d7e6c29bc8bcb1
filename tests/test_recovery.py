"""A damaged database at start: set aside for IT, newest good backup restored (or bundled content), no crash."""

import os
import subprocess
import sys

from kiosk.content.library import Library
from kiosk.content.recovery import RECOVERY_ACTION
from kiosk.storage.audit import read_audit_log
from kiosk.storage.backup import automatic_backup


def damage(path):
    """Scribble over the middle of the file, as a failing disk or a cut power line might."""
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset : offset + 200] = os.urandom(200)
    path.write_bytes(bytes(data))


def checkpointed_library(db_path):
    library = Library.open(db_path)
    library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return library


def test_damaged_database_is_set_aside_and_the_newest_backup_restored(db_path):
    library = checkpointed_library(db_path)
    library.conn.execute("UPDATE treatment SET name = 'Kept by the backup' WHERE position = 0")
    automatic_backup(library.conn, "before-publish")
    library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    library.close()
    damage(db_path)

    again = Library.open(db_path)
    assert again.recovery is not None
    assert again.recovery.restored_from is not None
    assert again.content().treatments[0].name == "Kept by the backup"
    assert again.recovery.damaged_copy.exists() and again.recovery.damaged_copy.parent == db_path.parent
    assert again.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    log = read_audit_log(again.conn)
    assert log[0].action == RECOVERY_ACTION and "moved to" in log[0].detail
    again.close()


def test_without_a_backup_the_bundled_content_is_loaded(db_path):
    library = checkpointed_library(db_path)
    count = len(library.content().treatments)
    library.close()
    damage(db_path)
    again = Library.open(db_path)
    assert again.recovery is not None and again.recovery.restored_from is None
    assert len(again.content().treatments) == count
    assert "the content that came with the kiosk" in again.recovery.describe()
    again.close()


def test_the_kiosk_starts_on_a_damaged_database_instead_of_crashing(db_path):
    checkpointed_library(db_path).close()
    damage(db_path)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    code = (
        "import sys; from kiosk.app import build_window; w = build_window(sys.argv[1]); "
        "print('RECOVERED' if w.library.recovery else 'NOT RECOVERED'); print(w.navigator.current.screen)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(db_path)], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "RECOVERED" in result.stdout.splitlines()[0] and "start" in result.stdout


def test_a_healthy_database_is_not_touched(db_path):
    checkpointed_library(db_path).close()
    again = Library.open(db_path)
    assert again.recovery is None
    assert not list(db_path.parent.glob("*.damaged-*"))
    again.close()
