"""Content in other languages: overlays are read and checked, every text falls back to English on its own,
translations go through the database and packs, and kiosk-admin check says what each language lacks."""

import json
import sqlite3
import zipfile

import pytest
from admin_runner import database_dump, kiosk_admin, pack_bytes, valid_document
from language_helpers import (
    FINASTERIDE_ES,
    GUIDANCE_ES,
    content_copy,
    write_complete_overlay,
    write_overlay,
)

from kiosk.content.bundled import load_bundle
from kiosk.content.document import content_to_document, parse_document
from kiosk.content.editing import draft_content, update_treatment
from kiosk.content.languages import content_in, coverage, guidance_in, slots
from kiosk.content.library import Library
from kiosk.content.publishing import list_versions, publish
from kiosk.content.schema import ContentError
from kiosk.content.translation_editing import set_translation, translated_fields
from kiosk.storage.content_tables import read_content, replace_content


def spanish_gaps(content, guidance) -> list[str]:
    """Every patient text that has no up-to-date Spanish text, by its on-screen name."""
    return [slot.label for slot in coverage(content, guidance, "es").lacking]


def test_every_patient_text_has_its_spanish_text_in_the_bundled_content():
    """Fails until the Spanish overlay (assets/content/es/) is complete."""
    bundle = load_bundle()
    gaps = spanish_gaps(bundle.content, bundle.default_settings["doctor_guidance"])
    total = len(slots(bundle.content, bundle.default_settings["doctor_guidance"]))
    assert not gaps, f"{len(gaps)} of {total} texts have no Spanish text, e.g. {gaps[:10]}"


def test_the_completeness_check_passes_once_every_text_is_translated(tmp_path):
    folder = content_copy(tmp_path)
    written = write_complete_overlay(folder)
    bundle = load_bundle(folder)
    guidance = bundle.default_settings["doctor_guidance"]
    assert written == len(slots(bundle.content, guidance)) > 900
    assert spanish_gaps(bundle.content, guidance) == []
    spanish = content_in(bundle.content, "es")
    assert spanish.treatment("finasteride").name.startswith("Texto en español")
    assert all(part.title.startswith("Texto") for topic in spanish.topics for part in topic.sections)
    assert guidance_in(bundle.content, guidance, "es").startswith("Texto en español")


def test_a_missing_spanish_text_falls_back_to_english_for_that_string_only(tmp_path):
    folder = content_copy(tmp_path)
    write_overlay(folder, "es", {"treatments/finasteride.toml": FINASTERIDE_ES, "index.toml": GUIDANCE_ES})
    bundle = load_bundle(folder)
    english = bundle.content.treatment("finasteride")
    card = content_in(bundle.content, "es").treatment("finasteride")
    assert card.name == "Finasterida en tabletas"
    assert card.side_effects.startswith("Algunos hombres tienen menos deseo sexual")
    assert card.checked_by.role == "revisores de contenido médico"
    assert card.checked_by.name == english.checked_by.name  # a person's name is never translated
    assert card.summary == english.summary and card.summary.strip()
    assert card.questions == english.questions
    assert content_in(bundle.content, "es").treatment("minoxidil-topical") == bundle.content.treatment(
        "minoxidil-topical"
    )
    guidance = bundle.default_settings["doctor_guidance"]
    assert guidance_in(bundle.content, guidance, "es").startswith("Hable con su médico")
    assert guidance_in(bundle.content, guidance, "fr") == guidance
    assert content_in(bundle.content, "en") == bundle.content


def test_the_spanish_glossary_is_sorted_by_its_own_words(tmp_path):
    folder = content_copy(tmp_path)
    write_complete_overlay(folder)
    bundle = load_bundle(folder)
    terms = [term.term for term in content_in(bundle.content, "es").glossary]
    assert terms == sorted(terms, key=lambda term: int(term.rstrip(".").split()[-1]))  # "Texto en español N."[::]
    assert len(terms) == len(bundle.content.glossary)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"treatments/finasteride.toml": 'id = "finasteride"\nside_efects = "Mareos."\n'}, "field 'side_efects'"),
        (
            {"treatments/finasteride.toml": 'id = "finasteride"\nquestions = ["¿Uno?"]\n'},
            "field 'questions': has 1 entries; the English has",
        ),
        ({"treatments/finasteride.toml": 'id = "minoxidil"\nname = "Finasterida"\n'}, "field 'id': is 'minoxidil'"),
        ({"treatments/finasteride.toml": 'id = "finasteride"\nname = "  "\n'}, "field 'name': is empty"),
        (
            {"causes/hormonal.toml": 'id = "hormonal"\n[[conditions]]\nid = "thyroid"\ntitle = "Tiroides"\n'},
            "item 'hormonal', field 'conditions': has 1 entries",
        ),
        ({"treatments/rogaine.toml": 'id = "rogaine"\nname = "Rogaine"\n'}, "has no English file 'treatments/rogaine"),
        ({"index.toml": '[settings]\nclinic_name = "Clínica"\n'}, "field 'clinic_name': is not translated"),
        ({"glossary.toml": 'term = [{ term = "Andrógenos" }]\n'}, "field 'term': has 1 entries"),
    ],
)
def test_a_bad_overlay_is_refused_naming_file_item_and_field(tmp_path, files, expected):
    folder = content_copy(tmp_path)
    write_overlay(folder, "es", files)
    with pytest.raises(ContentError) as refused:
        load_bundle(folder)
    message = str(refused.value)
    assert str(folder / "es") in message
    assert expected in message, message


def test_a_wrong_condition_id_names_the_cause_file_and_condition(tmp_path):
    folder = content_copy(tmp_path)
    english = load_bundle(folder).content.cause_group("hormonal")
    blocks = "".join(f'[[conditions]]\nid = "{c.id}"\n' for c in english.conditions)
    blocks = blocks.replace(f'id = "{english.conditions[0].id}"', 'id = "pcos-typo"', 1)
    write_overlay(folder, "es", {"causes/hormonal.toml": f'id = "hormonal"\ntitle = "Hormonal"\n{blocks}'})
    with pytest.raises(ContentError) as refused:
        load_bundle(folder)
    assert f"hormonal.toml, item '{english.conditions[0].id}', field 'id': is 'pcos-typo'" in str(refused.value)


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


def spanish_kiosk(tmp_path, name="kiosk"):
    """A kiosk database whose published content has a little Spanish."""
    folder = content_copy(tmp_path / f"{name}-content")
    write_overlay(folder, "es", {"treatments/finasteride.toml": FINASTERIDE_ES, "index.toml": GUIDANCE_ES})
    db = tmp_path / name / "kiosk.db"
    library = Library.open(db)
    replace_content(library.conn, load_bundle(folder).content)
    library.close()
    return db


def test_a_pack_keeps_the_spanish_from_one_kiosk_to_another(tmp_path):
    db = spanish_kiosk(tmp_path)
    pack = tmp_path / "usb" / "clinic.zip"
    pack.parent.mkdir()
    assert kiosk_admin(db, "export", str(pack)).returncode == 0
    other = tmp_path / "other" / "kiosk.db"
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


def test_a_document_round_trip_keeps_translations_and_drops_texts_whose_english_is_gone(tmp_path):
    folder = content_copy(tmp_path)
    write_overlay(folder, "es", {"treatments/finasteride.toml": FINASTERIDE_ES})
    content = load_bundle(folder).content
    data = content_to_document(content, {"doctor_guidance": "Talk to your doctor."})
    assert parse_document(data, "pack").content == content
    data["treatments"] = [card for card in data["treatments"] if card["id"] != "finasteride"]
    for cause in data["causes"]:
        for condition in cause["conditions"]:
            condition["treatments"] = [i for i in condition["treatments"] if i != "finasteride"]
    assert parse_document(data, "pack").content.translations == ()


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
    db = tmp_path / "plain" / "kiosk.db"
    Library.open(db).close()
    assert kiosk_admin(db, "export", str(english_only)).returncode == 0
    spanish = tmp_path / "spanish.zip"
    assert kiosk_admin(spanish_kiosk(tmp_path), "export", str(spanish)).returncode == 0
    versions = [
        json.loads(zipfile.ZipFile(path).read("manifest.json"))["format_version"] for path in (english_only, spanish)
    ]
    assert versions == [1, 2]


def test_a_bad_overlay_reaches_neither_a_new_kiosk_nor_an_updated_one(tmp_path, monkeypatch):
    updated = tmp_path / "updated" / "kiosk.db"
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
