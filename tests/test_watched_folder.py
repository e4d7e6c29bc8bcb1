"""The watched folder: new signed packs come in by themselves at a quiet moment; anything else is left and reported."""

import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest
from admin_runner import kiosk_admin, pack_bytes
from fleet_helpers import json_of, make_key, signed_pack_bytes, versioned_document, write_signed_pack
from PySide6.QtCore import QCoreApplication, QEvent
from staff_helpers import Staff

from kiosk.content.library import Library
from kiosk.content.settings import save_setting
from kiosk.content.signing import fingerprint, load_public_key
from kiosk.content.watched_folder import import_from_folder
from kiosk.storage.backup import automatic_backups
from kiosk.storage.fleet import add_trusted_key, watched_files
from kiosk.ui import unattended

LONG_AGO = time.time() - 3600


def settled(path):
    """As if the file had finished arriving an hour ago."""
    os.utime(path, (LONG_AGO, LONG_AGO))
    return path


@pytest.fixture
def fleet(tmp_path):
    """A kiosk database that trusts the content team's key, and its (empty) watched folder."""
    db = tmp_path / "kiosk" / "kiosk.db"
    folder = tmp_path / "incoming"
    folder.mkdir()
    key, public = make_key(tmp_path / "keys")
    library = Library.open(db)
    raw = load_public_key(public)
    add_trusted_key(library.conn, fingerprint(raw), raw, "Content team")
    save_setting(library.conn, "watched_folder", str(folder))
    library.close()
    return db, folder, key


def states(conn) -> dict[str, str]:
    return {found.name: found.state for found in watched_files(conn)}


def test_a_newer_signed_pack_is_imported_at_a_quiet_moment_with_a_backup_first(fleet):
    db, folder, key = fleet
    settled(write_signed_pack(folder / "content-v3.zip", key, 3))
    library = Library.open(db)
    assert import_from_folder(library.conn, folder, quiet=False) is None
    assert states(library.conn) == {"content-v3.zip": "waiting"}
    report = import_from_folder(library.conn, folder, quiet=True)
    assert report is not None and report.backup.exists()
    assert library.content().treatments[0].name == "Minoxidil, edition 3"
    assert states(library.conn) == {"content-v3.zip": "imported"}
    assert import_from_folder(library.conn, folder, quiet=True) is None  # nothing new: nothing done
    library.close()


def test_bad_packs_are_left_in_place_and_reported(fleet, tmp_path):
    db, folder, key = fleet
    stranger, _ = make_key(tmp_path / "elsewhere", "stranger")
    good = signed_pack_bytes(key, 5)
    forged = bytearray(good)
    forged[-100] ^= 0xFF
    (folder / "forged.zip").write_bytes(bytes(forged))
    write_signed_pack(folder / "stranger.zip", stranger, 9)
    (folder / "unsigned.zip").write_bytes(pack_bytes(versioned_document(8)))
    (folder / "broken-copy.zip").write_bytes(good[:1000])
    for path in folder.iterdir():
        settled(path)
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    library = Library.open(db)
    original = library.content()
    assert import_from_folder(library.conn, folder, quiet=True) is None
    assert library.content() == original
    assert states(library.conn) == {name: "refused" for name in before}
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before
    messages = {found.name: found.message for found in watched_files(library.conn)}
    assert "changed after it was signed" in messages["forged.zip"]
    assert "does not trust" in messages["stranger.zip"]
    assert "not signed" in messages["unsigned.zip"]
    assert "copy it again" in messages["broken-copy.zip"]
    library.close()


def test_a_file_still_being_copied_is_postponed_then_imported(fleet):
    db, folder, key = fleet
    data = signed_pack_bytes(key, 4)
    arriving = folder / "content-v4.zip"
    arriving.write_bytes(data[: len(data) // 3])
    library = Library.open(db)
    now = time.time()
    assert import_from_folder(library.conn, folder, quiet=True, now=now) is None
    assert states(library.conn) == {"content-v4.zip": "copying"}
    arriving.write_bytes(data)
    assert import_from_folder(library.conn, folder, quiet=True, now=now + 1) is None  # just written: not yet
    assert import_from_folder(library.conn, folder, quiet=True, now=now + 60) is not None
    assert library.content().treatments[0].name == "Minoxidil, edition 4"
    library.close()


def test_a_replayed_older_pack_is_not_imported(fleet):
    db, folder, key = fleet
    settled(write_signed_pack(folder / "v6.zip", key, 6))
    library = Library.open(db)
    import_from_folder(library.conn, folder, quiet=True)
    (folder / "v6.zip").unlink()
    settled(write_signed_pack(folder / "v2-replayed.zip", key, 2))
    assert import_from_folder(library.conn, folder, quiet=True) is None
    assert library.content().treatments[0].name == "Minoxidil, edition 6"
    assert states(library.conn) == {"v2-replayed.zip": "old"}
    library.close()


def test_only_the_newest_of_several_packs_is_imported(fleet):
    db, folder, key = fleet
    for version in (3, 5, 4):
        settled(write_signed_pack(folder / f"v{version}.zip", key, version))
    library = Library.open(db)
    import_from_folder(library.conn, folder, quiet=True)
    assert library.content().treatments[0].name == "Minoxidil, edition 5"
    assert states(library.conn) == {"v3.zip": "old", "v4.zip": "old", "v5.zip": "imported"}
    assert len(automatic_backups(db.parent / "backups")) == 1
    library.close()


def test_check_reports_refused_files_and_asks_for_attention(fleet):
    db, folder, key = fleet
    (folder / "unsigned.zip").write_bytes(pack_bytes())
    settled(folder / "unsigned.zip")
    library = Library.open(db)
    import_from_folder(library.conn, folder, quiet=True)
    library.close()
    result = kiosk_admin(db, "check", "--json")
    assert result.returncode == 1
    report = json_of(result.stdout)
    assert report["healthy"] is False
    assert any("unsigned.zip" in line for line in report["attention"])
    assert report["watched_folder"]["path"] == str(folder) and report["watched_folder"]["exists"] is True
    assert report["watched_folder"]["files"][0]["state"] == "refused"


@pytest.fixture
def watching_window(qtbot, fleet, monkeypatch):
    """The real kiosk window on the fleet database, with the watched folder running (looking soon after a change)."""
    from kiosk.app import build_window

    monkeypatch.setattr(unattended, "LOOK_AFTER_CHANGE_MS", 50)
    db, folder, key = fleet
    window = build_window(db)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    qtbot.waitExposed(window)
    watch = unattended.start_watched_folder(window, db)
    qtbot.waitUntil(lambda: not watch.looking)  # its first look, on a worker thread, sets the file watcher up
    yield window, watch, folder, key
    watch.stop()
    window.close()
    window.library.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def patient_of(qtbot):
    from conftest import Patient

    return lambda window: Patient(qtbot, window)


def test_the_running_kiosk_picks_up_a_new_pack_while_on_the_start_screen(watching_window, qtbot):
    window, watch, folder, key = watching_window
    with qtbot.waitSignal(watch.watcher.directoryChanged, timeout=5000):
        settled(write_signed_pack(folder / "v7.zip", key, 7))
    qtbot.waitUntil(lambda: window.content.treatments[0].name == "Minoxidil, edition 7", timeout=10000)


def test_a_patient_mid_way_is_never_interrupted(watching_window, patient_of, qtbot):
    window, watch, folder, key = watching_window
    patient = patient_of(window)
    patient.tap("Tap to start")
    patient.tap("All treatments")
    settled(write_signed_pack(folder / "v8.zip", key, 8))
    watch.look()
    assert not patient.sees("Minoxidil, edition 8")
    patient.tap("Home")
    qtbot.waitUntil(lambda: window.content.treatments[0].name == "Minoxidil, edition 8", timeout=10000)
    patient.tap("Tap to start")
    patient.tap("All treatments")
    assert patient.sees("Minoxidil, edition 8")


def test_the_staff_home_shows_the_content_version_signer_and_left_over_files(watching_window, qtbot):
    window, watch, folder, key = watching_window
    settled(write_signed_pack(folder / "v9.zip", key, 9))
    (folder / "unsigned.zip").write_bytes(pack_bytes())
    settled(folder / "unsigned.zip")
    watch.look()
    qtbot.waitUntil(lambda: window.content.treatments[0].name == "Minoxidil, edition 9", timeout=10000)
    staff = Staff(qtbot, window)
    staff.unlock()
    staff.wait_to_see("Content version 9, signed with key")
    assert staff.sees("(Content team)")
    assert staff.sees("Watched folder: 'unsigned.zip' is not signed")


@pytest.mark.skipif(shutil.which("rsync") is None, reason="rsync is not installed")
def test_an_rsync_copy_into_the_folder_is_imported(fleet, tmp_path):
    db, folder, key = fleet
    source = tmp_path / "content-team"
    write_signed_pack(source / "content-v11.zip", key, 11)
    subprocess.run(["rsync", "-a", "--delay-updates", f"{source}/", f"{folder}/"], check=True, timeout=60)
    for path in folder.iterdir():
        settled(path)
    library = Library.open(db)
    assert import_from_folder(library.conn, folder, quiet=True) is not None
    assert library.content().treatments[0].name == "Minoxidil, edition 11"
    library.close()


def test_a_full_disk_during_an_automatic_import_changes_nothing_and_it_is_tried_again(fleet):
    db, folder, key = fleet
    document = versioned_document(12)
    for card in document["treatments"]:
        card["what_it_is"] += " " + os.urandom(300).hex()
    pack = folder / "big-v12.zip"
    pack.write_bytes(signed_pack_bytes(key, 12, document))
    settled(pack)
    library = Library.open(db)
    before = library.content()
    pages = library.conn.execute("PRAGMA page_count").fetchone()[0]
    library.conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk fills up during the import
    assert import_from_folder(library.conn, folder, quiet=True) is None
    assert library.content() == before
    assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    [finding] = watched_files(library.conn)
    assert finding.state == "waiting" and "disk is full" in finding.message and "tried again" in finding.message
    library.conn.execute("PRAGMA max_page_count = 1073741823")  # space was freed
    assert import_from_folder(library.conn, folder, quiet=True) is not None
    assert library.content().treatments[0].name == "Minoxidil, edition 12"
    library.close()


def test_a_syncthing_style_arrival_is_ignored_until_renamed_into_place(fleet):
    db, folder, key = fleet
    temporary = folder / ".syncthing.content-v13.zip.tmp"  # Syncthing writes here, then renames
    write_signed_pack(temporary, key, 13)
    settled(temporary)
    library = Library.open(db)
    assert import_from_folder(library.conn, folder, quiet=True) is None
    assert watched_files(library.conn) == []
    settled(temporary.rename(folder / "content-v13.zip"))
    assert import_from_folder(library.conn, folder, quiet=True) is not None
    assert library.content().treatments[0].name == "Minoxidil, edition 13"
    library.close()


def test_a_pack_refused_for_its_key_comes_in_once_staff_trust_the_key(fleet, tmp_path):
    db, folder, _ = fleet
    partner, partner_public = make_key(tmp_path / "partner", "partner")
    settled(write_signed_pack(folder / "partner-v4.zip", partner, 4))
    library = Library.open(db)
    assert import_from_folder(library.conn, folder, quiet=True) is None
    assert states(library.conn) == {"partner-v4.zip": "refused"}
    raw = load_public_key(partner_public)
    add_trusted_key(library.conn, fingerprint(raw), raw, "Partner clinic")
    assert import_from_folder(library.conn, folder, quiet=True) is not None
    assert states(library.conn) == {"partner-v4.zip": "imported"}
    library.close()


def test_a_pack_replaced_after_being_read_is_read_again(fleet):
    db, folder, key = fleet
    pack = settled(write_signed_pack(folder / "content.zip", key, 3))
    library = Library.open(db)
    import_from_folder(library.conn, folder, quiet=False)
    assert states(library.conn) == {"content.zip": "waiting"}
    pack.write_bytes(pack.read_bytes()[:-10])  # the same name, now broken
    settled(pack)
    assert import_from_folder(library.conn, folder, quiet=True) is None
    assert states(library.conn) == {"content.zip": "refused"}
    library.close()


def test_the_folder_setting_must_be_a_full_path(db_path):
    assert kiosk_admin(db_path, "init").returncode == 0
    result = kiosk_admin(db_path, "settings", "set", "watched_folder", "incoming")
    assert result.returncode == 1 and "full path" in result.stderr
    assert kiosk_admin(db_path, "settings", "set", "watched_folder", "/media/usb/content").returncode == 0


def test_a_watched_folder_whose_share_does_not_answer_never_holds_the_kiosk(
    watching_window, patient_of, qtbot, monkeypatch
):
    """A network share whose server has gone keeps a look waiting (here until the test lets it answer): the look
    is on a worker thread, so a patient taps on meanwhile, and the pack comes in once the share answers."""
    window, watch, folder, key = watching_window
    settled(write_signed_pack(folder / "v10.zip", key, 10))
    share_answers = threading.Event()
    is_dir = Path.is_dir
    monkeypatch.setattr(Path, "is_dir", lambda path: (path != folder or share_answers.wait(20)) and is_dir(path))
    watch.look()
    patient = patient_of(window)
    patient.tap("Tap to start")
    patient.tap("All treatments")
    assert patient.sees("Minoxidil") and watch.looking  # the share has still not answered
    share_answers.set()
    qtbot.waitUntil(lambda: not watch.looking, timeout=10000)
    assert not patient.sees("Minoxidil, edition 10")  # mid-way: the new content waits for the start screen
    patient.tap("Home")
    qtbot.waitUntil(lambda: window.content.treatments[0].name == "Minoxidil, edition 10", timeout=10000)
