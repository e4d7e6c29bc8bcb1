"""Backups: a copy of the whole database, kept N at a time beside it, checked before it is restored."""

import datetime
import sqlite3

import pytest

from kiosk.content.library import Library
from kiosk.storage.backup import (
    automatic_backup,
    automatic_backups,
    backup_to,
    check_backup,
    newest_good_backup,
    restore_from,
)
from kiosk.storage.errors import KnownError


@pytest.fixture
def library(db_path):
    opened = Library.open(db_path)
    yield opened
    opened.close()


def first_card_name(conn) -> str:
    return conn.execute("SELECT name FROM treatment ORDER BY position LIMIT 1").fetchone()[0]


def test_a_backup_is_one_self_contained_file_that_can_be_restored(library, tmp_path):
    copy = backup_to(library.conn, tmp_path / "usb" / "kiosk-copy.db")
    assert sorted(path.name for path in copy.parent.iterdir()) == ["kiosk-copy.db"]
    assert check_backup(copy) >= 2
    original = first_card_name(library.conn)
    library.conn.execute("UPDATE treatment SET name = 'Changed after the backup'")
    safety = restore_from(library.conn, copy)
    assert first_card_name(library.conn) == original
    assert safety.parent == tmp_path / "backups"
    restored_safety = sqlite3.connect(safety)
    assert first_card_name(restored_safety) == "Changed after the backup"
    restored_safety.close()


def test_backup_refuses_to_overwrite(library, tmp_path):
    target = tmp_path / "taken.db"
    target.write_text("something else")
    with pytest.raises(KnownError, match="already exists"):
        backup_to(library.conn, target)
    assert target.read_text() == "something else"


def test_only_the_newest_n_automatic_backups_are_kept(library, tmp_path):
    folder = tmp_path / "backups"
    (folder / "notes.txt").parent.mkdir()
    (folder / "notes.txt").write_text("staff notes are never deleted")
    start = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)
    made = [
        automatic_backup(library.conn, "publish", keep=3, now=start + datetime.timedelta(minutes=minute))
        for minute in range(5)
    ]
    assert automatic_backups(folder) == made[:1:-1]
    assert (folder / "notes.txt").exists()
    assert made[-1].name == "kiosk-20261125-090400-publish.db"


def test_two_backups_in_the_same_second_both_survive(library):
    moment = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)
    first = automatic_backup(library.conn, "publish", now=moment)
    second = automatic_backup(library.conn, "publish", now=moment)
    assert first != second and first.exists() and second.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not a kiosk backup"),
        (b"hello, this is a text file", "not a kiosk backup"),
    ],
)
def test_files_that_are_not_backups_are_refused(library, tmp_path, content, message):
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    before = first_card_name(library.conn)
    with pytest.raises(KnownError, match=message):
        restore_from(library.conn, bad)
    assert first_card_name(library.conn) == before
    assert not (tmp_path / "backups").exists()


def test_a_database_that_is_not_a_kiosk_one_is_refused(library, tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (text)")
    conn.close()
    with pytest.raises(KnownError, match="not a kiosk database"):
        restore_from(library.conn, other)


def test_a_backup_from_a_newer_kiosk_is_refused(library, tmp_path):
    newer = backup_to(library.conn, tmp_path / "newer.db")
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(KnownError, match="newer version of the kiosk"):
        check_backup(newer)


def test_newest_good_backup_skips_damaged_ones(library, tmp_path):
    moment = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)
    good = automatic_backup(library.conn, "publish", now=moment)
    damaged = automatic_backup(library.conn, "publish", now=moment + datetime.timedelta(hours=1))
    data = bytearray(damaged.read_bytes())
    data[100:] = b"\x00" * (len(data) - 100)
    damaged.write_bytes(bytes(data))
    assert newest_good_backup(tmp_path / "backups") == good
    assert newest_good_backup(tmp_path / "nowhere") is None


def test_restore_by_path_replaces_a_closed_database(db_path, tmp_path):
    library = Library.open(db_path)
    copy = backup_to(library.conn, tmp_path / "copy.db")
    library.conn.execute("UPDATE treatment SET name = 'Not in the copy'")
    library.close()
    safety = restore_from(db_path, copy)
    assert safety is not None and safety.exists()
    reopened = Library.open(db_path)
    assert first_card_name(reopened.conn) != "Not in the copy"
    reopened.close()
