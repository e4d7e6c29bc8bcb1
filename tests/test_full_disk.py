"""A full disk (SQLITE_FULL) in the middle of a write: a clear refusal, and the published content as it was."""

import sqlite3

import pytest

from kiosk.content.library import Library
from kiosk.content.packs import export_pack, import_pack
from kiosk.storage.content_tables import read_content


@pytest.fixture
def big_pack(tmp_path):
    source = Library.open(tmp_path / "source.db")
    source.conn.execute("UPDATE treatment SET what_it_is = what_it_is || ' ' || hex(randomblob(600))")
    pack = export_pack(source.conn, tmp_path / "big.zip")
    source.close()
    return pack


def test_import_onto_a_full_disk_changes_nothing(tmp_path, big_pack):
    library = Library.open(tmp_path / "kiosk.db")
    before = read_content(library.conn)
    pages = library.conn.execute("PRAGMA page_count").fetchone()[0]
    library.conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk fills up during the write
    with pytest.raises(sqlite3.OperationalError, match="full"):
        import_pack(library.conn, big_pack, backup_dir=tmp_path / "backups")
    assert not library.conn.in_transaction
    assert read_content(library.conn) == before
    assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    library.close()
    assert read_content(Library.open(tmp_path / "kiosk.db").conn) == before


def test_the_cli_says_the_disk_is_full_in_plain_words(tmp_path, big_pack, monkeypatch, capsys):
    from kiosk.admin import cli
    from kiosk.storage import db as storage_db

    connect = storage_db.connect

    def connect_to_a_nearly_full_disk(path):
        conn = connect(path)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        if pages:
            conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        return conn

    Library.open(tmp_path / "kiosk.db").close()
    monkeypatch.setattr(storage_db, "connect", connect_to_a_nearly_full_disk)
    status = cli.main(["--db", str(tmp_path / "kiosk.db"), "import", str(big_pack)])
    error = capsys.readouterr().err
    assert status == 1
    assert "The kiosk's disk is full" in error and "Nothing was changed." in error
