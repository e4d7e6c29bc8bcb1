"""Translations go through the database, packs, the staff draft and kiosk updates with the English, in the same
step, and kiosk-admin check says what each language lacks."""

import json
import sqlite3
import zipfile

import pytest
from admin_runner import database_dump, kiosk_admin, pack_bytes, valid_document
from language_helpers import (
    FINASTERIDE_ES,
    GUIDANCE_ES,
    content_copy,
    english_only_kiosk,
    shipping,
    spanish_kiosk,
    write_overlay,
)

from kiosk.content.bundled import load_bundle
from kiosk.content.editing import draft_content, update_treatment
from kiosk.content.language_check import coverage
from kiosk.content.languages import content_in, slots
from kiosk.content.library import Library
from kiosk.content.publishing import list_versions, publish
from kiosk.content.schema import ContentError
from kiosk.content.translation_editing import set_translation, translated_fields
from kiosk.storage.content_tables import read_content, replace_content


def test_translations_go_through_the_database_and_back(tmp_path):
    folder = content_copy(tmp_path)
    write_overlay(folder, "es", {"treatments/finasteride.toml": FINASTERIDE_ES, "index.toml": GUIDANCE_ES})
    content = load_bundle(folder).content
    library = Library.open(tmp_path / "kiosk.db")
    try:
        replace_content(library.conn, content)
        stored = read_content(library.conn)
        assert stored == content and len(stored.translations) == 4
        assert content_in(stored, "es").treatment("finasteride").name == "Finasterida en tabletas"
        replace_content(library.conn, load_bundle(content_copy(tmp_path / "plain")).content)
        assert read_content(library.conn).translations == ()
    finally:
        library.close()


def test_a_pack_keeps_the_spanish_from_one_kiosk_to_another(tmp_path):
    db = spanish_kiosk(tmp_path)
    pack = tmp_path / "usb" / "clinic.zip"
    pack.parent.mkdir()
    assert kiosk_admin(db, "export", str(pack)).returncode == 0
    other = tmp_path / "other" / "kiosk.db"
    assert kiosk_admin(other, "init").returncode == 0
    imported = kiosk_admin(other, "import", str(pack))
    assert imported.returncode == 0, imported.stderr
    library = Library.open(other)
    try:
        spanish = content_in(read_content(library.conn), "es")
    finally:
        library.close()
    assert spanish.treatment("finasteride").name == "Finasterida en tabletas"
    checked = kiosk_admin(other, "check")
    assert "Spanish: " in checked.stdout and "texts missing — Minoxidil liquid or foam (30 texts), " in checked.stdout
    assert "Finasteride tablets (26 texts)" in checked.stdout  # name, side effects and role are translated


def test_an_old_pack_without_translations_imports_english_only_and_check_says_spanish_is_missing(tmp_path):
    db = spanish_kiosk(tmp_path)
    old = valid_document()
    old.pop("translations", None)
    pack = tmp_path / "old.zip"
    pack.write_bytes(pack_bytes(old))
    imported = kiosk_admin(db, "import", str(pack))
    assert imported.returncode == 0, imported.stderr
    checked = kiosk_admin(db, "check")
    assert "Spanish: " in checked.stdout
    total = len(slots(load_bundle().content, "guidance"))
    assert f"Spanish: {total} texts missing — Minoxidil liquid or foam (30 texts), " in checked.stdout
    report = json.loads(kiosk_admin(db, "check", "--json").stdout)
    spanish = next(entry for entry in report["languages"] if entry["language"] == "es")
    assert spanish["missing"] == total and spanish["first"][0] == "Minoxidil liquid or foam (30 texts)"


def test_a_pack_with_a_broken_translation_is_refused_and_changes_nothing(tmp_path):
    db = spanish_kiosk(tmp_path)
    document = valid_document()
    key = "treatments/finasteride/name"
    document["translations"] = {"es": {key: {"text": " ", "source": "0123456789abcdef"}}}
    pack = tmp_path / "bad.zip"
    pack.write_bytes(pack_bytes(document))
    before = database_dump(db)
    refused = kiosk_admin(db, "import", str(pack))
    assert refused.returncode != 0
    assert "translations es" in refused.stdout + refused.stderr and key in refused.stdout + refused.stderr
    assert database_dump(db) == before


def test_changing_the_english_marks_its_spanish_out_of_date(tmp_path):
    db = spanish_kiosk(tmp_path)
    library = Library.open(db)
    try:
        update_treatment(library.conn, "finasteride", {"side_effects": "Some men have less interest in sex."})
        draft = draft_content(library.conn)
        report = coverage(draft, None, "es")
        assert [slot.label for slot in report.out_of_date] == ["Finasteride tablets: Side effects"]
        in_draft = kiosk_admin(db, "check").stdout
        assert "In those changes, Spanish: " in in_draft and "1 out of date (the English changed)" in in_draft
        assert content_in(draft, "es").treatment("finasteride").side_effects == "Some men have less interest in sex."
        assert content_in(draft, "es").treatment("finasteride").name == "Finasterida en tabletas"
        publish(library.conn, backup_dir=tmp_path / "backups")
    finally:
        library.close()
    checked = kiosk_admin(db, "check")
    assert "1 out of date (the English changed)" in checked.stdout
    assert "Finasteride tablets: Side effects" in checked.stdout


def test_staff_translate_a_text_in_the_draft_and_patients_see_it_once_published(tmp_path):
    db = spanish_kiosk(tmp_path)
    library = Library.open(db)
    try:
        rows = translated_fields(library.conn, "es", "treatments/finasteride")
        side_effects = next(row for row in rows if row.label == "Finasteride tablets: Side effects")
        assert side_effects.translated.startswith("Algunos hombres") and not side_effects.out_of_date
        summary = next(row for row in rows if row.label == "Finasteride tablets: Summary")
        assert summary.translated == ""
        set_translation(library.conn, "es", summary.key, "Una tableta diaria para la caída del cabello.")
        assert content_in(read_content(library.conn), "es").treatment("finasteride").summary == summary.english
        publish(library.conn, backup_dir=tmp_path / "backups")
        shown = content_in(read_content(library.conn), "es").treatment("finasteride")
        assert shown.summary == "Una tableta diaria para la caída del cabello."
        with pytest.raises(ContentError, match="no English text here"):
            set_translation(library.conn, "es", "treatments/rogaine/name", "Rogaine")
        set_translation(library.conn, "es", summary.key, "")
        assert translated_fields(library.conn, "es", summary.key)[0].translated == ""
    finally:
        library.close()


def test_a_kiosk_updated_to_ship_spanish_gets_the_spanish_texts_that_match_its_english_once(tmp_path, monkeypatch):
    db = tmp_path / "kiosk" / "kiosk.db"
    with shipping(monkeypatch, content_copy(tmp_path / "before")):  # a release without any translation
        library = Library.open(db)
        update_treatment(library.conn, "finasteride", {"side_effects": "Some men have less interest in sex."})
        publish(library.conn, backup_dir=tmp_path / "backups")
        library.close()

    folder = content_copy(tmp_path)  # the update: the same English, now with Spanish beside it
    write_overlay(folder, "es", {"treatments/finasteride.toml": FINASTERIDE_ES, "index.toml": GUIDANCE_ES})
    monkeypatch.setattr("kiosk.content.bundled.bundled_content_dir", lambda: folder)
    monkeypatch.setattr("kiosk.content.language_update.bundled_content_dir", lambda: folder)
    library = Library.open(db)
    try:
        card = content_in(library.content(), "es").treatment("finasteride")
        assert card.name == "Finasterida en tabletas"
        assert card.side_effects == "Some men have less interest in sex."  # the clinic's edit stays until translated
        assert list_versions(library.conn)[0].summary == "Added the Spanish texts that came with this kiosk"
        count = len(list_versions(library.conn))
    finally:
        library.close()
    assert any("before-language-update" in path.name for path in (db.parent / "backups").iterdir())
    library = Library.open(db)
    try:
        assert len(list_versions(library.conn)) == count
    finally:
        library.close()


def test_a_pack_says_format_2_only_when_it_carries_translations(tmp_path):
    english_only = tmp_path / "english.zip"
    db = english_only_kiosk(tmp_path)
    assert kiosk_admin(db, "export", str(english_only)).returncode == 0
    spanish = tmp_path / "spanish.zip"
    assert kiosk_admin(spanish_kiosk(tmp_path), "export", str(spanish)).returncode == 0
    versions = [
        json.loads(zipfile.ZipFile(path).read("manifest.json"))["format_version"] for path in (english_only, spanish)
    ]
    assert versions == [1, 2]


def test_a_bad_overlay_reaches_neither_a_new_kiosk_nor_an_updated_one(tmp_path, monkeypatch):
    updated = tmp_path / "updated" / "kiosk.db"
    with shipping(monkeypatch, content_copy(tmp_path / "before")):  # a release without any translation
        Library.open(updated).close()
    before = database_dump(updated)
    folder = content_copy(tmp_path)
    write_overlay(folder, "es", {"treatments/finasteride.toml": FINASTERIDE_ES, "index.toml": GUIDANCE_ES})
    write_overlay(folder, "es", {"red_flags.toml": 'flags = ["Se le cae el pelo de golpe."]\n'})
    monkeypatch.setattr("kiosk.content.bundled.bundled_content_dir", lambda: folder)
    monkeypatch.setattr("kiosk.content.language_update.bundled_content_dir", lambda: folder)
    with pytest.raises(ContentError, match=r"red_flags.toml, field 'flags': has 1 entries; the English has 9"):
        Library.open(updated)
    assert database_dump(updated) == before
    fresh = tmp_path / "fresh" / "kiosk.db"
    with pytest.raises(ContentError, match="red_flags.toml"):
        Library.open(fresh)
    conn = sqlite3.connect(fresh)
    try:
        assert conn.execute("SELECT COUNT(*) FROM treatment").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM translation").fetchone()[0] == 0
    finally:
        conn.close()
