"""Content packs moved by USB stick: staff export, check and import them with the real kiosk-admin."""

import json
import os
import random
import string
import zipfile

import pytest
from admin_runner import GUIDANCE, database_dump, kiosk_admin, pack_bytes, valid_document, version_count, zip_bytes

from kiosk.content.library import Library
from kiosk.content.packs import import_pack, preview_import


@pytest.fixture
def kiosk_db(tmp_path):
    """A kiosk database that has had one pack imported, so it has versions and a backup."""
    db = tmp_path / "kiosk" / "kiosk.db"
    pack = tmp_path / "first.zip"
    pack.write_bytes(pack_bytes())
    library = Library.open(db)
    import_pack(library.conn, pack)
    library.close()
    pack.unlink()
    return db


def backups(db):
    return sorted((db.parent / "backups").iterdir())


def test_export_import_export_gives_the_same_content(tmp_path, kiosk_db):
    first = tmp_path / "usb" / "clinic.zip"
    first.parent.mkdir()
    exported = kiosk_admin(kiosk_db, "export", str(first))
    assert exported.returncode == 0, exported.stderr
    assert "Saved the content" in exported.stdout

    fresh = tmp_path / "other-kiosk" / "kiosk.db"
    assert kiosk_admin(fresh, "init").returncode == 0
    imported = kiosk_admin(fresh, "import", str(first))
    assert imported.returncode == 0, imported.stderr
    assert "Imported 'clinic.zip' as version 2" in imported.stdout

    again = tmp_path / "usb" / "again.zip"
    assert kiosk_admin(fresh, "export", str(again)).returncode == 0
    read = [zipfile.ZipFile(path).read("content.json") for path in (first, again)]
    assert read[0] == read[1]
    assert json.loads(read[0])["settings"] == {"clinic_name": "Hillside Clinic", "doctor_guidance": GUIDANCE}


def test_import_becomes_a_version_with_a_backup_and_shows_what_changed(tmp_path, kiosk_db):
    document = valid_document()
    document["treatments"][0]["side_effects"] = "New wording about side effects."
    removed = document["treatments"].pop()
    for group in document["causes"]:
        for condition in group["conditions"]:
            condition["treatments"] = [card for card in condition["treatments"] if card != removed["id"]]
    pack = tmp_path / "update.zip"
    pack.write_bytes(pack_bytes(document))
    before = len(backups(kiosk_db))

    library = Library.open(kiosk_db)
    preview = preview_import(library.conn, pack)
    library.close()
    assert preview.changes.cards_removed == (removed["name"],)
    assert preview.changes.cards_changed[0].fields == ("side_effects",)

    result = kiosk_admin(kiosk_db, "import", str(pack))
    assert result.returncode == 0, result.stderr
    first_name = document["treatments"][0]["name"]
    assert f"Changed {first_name}: Side effects; removed card {removed['name']}" in result.stdout
    assert len(backups(kiosk_db)) == before + 1
    history = kiosk_admin(kiosk_db, "history").stdout
    assert "Imported update.zip  (shown now)" in history


def test_validate_says_a_good_pack_is_fine_and_changes_nothing(tmp_path, kiosk_db):
    pack = tmp_path / "good.zip"
    pack.write_bytes(pack_bytes())
    before = database_dump(kiosk_db)
    result = kiosk_admin(kiosk_db, "validate", str(pack))
    assert result.returncode == 0
    assert "The pack 'good.zip' is fine" in result.stdout
    assert database_dump(kiosk_db) == before


def _document_with(change):
    document = valid_document()
    change(document)
    return pack_bytes(document)


def _first_card(change):
    return lambda: _document_with(lambda document: change(document["treatments"][0]))


def _noise(length: int) -> str:
    generator = random.Random(length)
    return "".join(generator.choice(string.ascii_letters + " ") for _ in range(length))


def _bomb() -> bytes:
    content = json.dumps(valid_document()).encode() + b" " * (40 * 1024 * 1024)
    return pack_bytes(content=content)


def _too_many_files() -> bytes:
    return pack_bytes(extra={f"images/picture-{number}.png": b"\x89PNG" for number in range(300)})


def _wrong_checksum() -> bytes:
    content = json.dumps(valid_document()).encode()
    manifest = {
        "format": "hairloss-kiosk-content-pack",
        "format_version": 1,
        "created_at": "2026-11-25T09:00:00+00:00",
        "kiosk_version": "0.1.0",
        "files": {"content.json": {"size": len(content), "sha256": "0" * 64}},
    }
    return zip_bytes({"manifest.json": json.dumps(manifest).encode(), "content.json": content})


def _two_cards_one_id(document):
    document["treatments"][1]["id"] = document["treatments"][0]["id"]


def _link_to_missing_card(document):
    document["causes"][0]["conditions"][0]["treatments"].append("no-such-card")


def _same_glossary_word_twice(document):
    document["glossary"].append(dict(document["glossary"][0]))


BAD_PACKS = {
    "truncated": (lambda: pack_bytes()[:300], "is damaged: it is not a complete zip file"),
    "not a zip": (lambda: b"These are my notes, not a pack.", "is not a content pack (it is not a zip file)"),
    "empty file": (lambda: b"", "is empty"),
    "invalid JSON": (lambda: pack_bytes(content=b'{"treatments": [}'), "is damaged: 'content.json' is not valid JSON"),
    "not UTF-8": (lambda: pack_bytes(content=b'{"treatments": "\xff"}'), "'content.json' is not UTF-8 text"),
    "missing field": (_first_card(lambda card: card.pop("side_effects")), "Side effects: This is missing."),
    "wrong type": (_first_card(lambda card: card.update(questions="Ask")), "doctor: This must be a list"),
    "unknown field": (_first_card(lambda card: card.update(colour="red")), "Colour: This is not a field"),
    "duplicate ids": (lambda: _document_with(_two_cards_one_id), "links: Another item already uses this"),
    "link to a missing card": (lambda: _document_with(_link_to_missing_card), "'no-such-card' that does not exist"),
    "duplicate glossary word": (lambda: _document_with(_same_glossary_word_twice), "twice"),
    "absurdly large text": (_first_card(lambda card: card.update(what_it_is=_noise(200_000))), "is too long"),
    "control characters": (_first_card(lambda card: card.update(name="Bell\x07")), "contains control characters"),
    "broken characters": (
        _first_card(lambda card: card.update(name="Half \ud800")),
        "'minoxidil-topical', Name: This contains characters that are not plain text",
    ),
    "no doctor guidance": (lambda: _document_with(lambda d: d["settings"].pop("doctor_guidance")), "missing"),
    "escaping member name": (lambda: pack_bytes(extra={"../../evil.sh": b"rm -rf"}), "unsafe name '../../evil.sh'"),
    "absolute member name": (lambda: pack_bytes(extra={"/etc/cron.d/x": b"x"}), "unsafe name '/etc/cron.d/x'"),
    "unexpected member": (lambda: pack_bytes(extra={"notes.txt": b"hi"}), "unexpected file 'notes.txt'"),
    "zip bomb": (_bomb, "is suspicious: 'content.json' would unpack"),
    "too many members": (_too_many_files, "too many files"),
    "newer format": (lambda: pack_bytes(format_version=3), "made by a newer kiosk (pack format 3"),
    "format version as text": (lambda: pack_bytes(format_version="1"), "format_version that is a whole number"),
    "not our manifest": (lambda: pack_bytes(format="something-else"), "not a kiosk content pack"),
    "checksum mismatch": (_wrong_checksum, "checksum"),
    "no manifest": (lambda: zip_bytes({"content.json": b"{}"}), "it has no manifest.json"),
}


@pytest.mark.parametrize("kind", list(BAD_PACKS))
def test_a_bad_pack_is_refused_clearly_and_changes_nothing(tmp_path, kiosk_db, kind):
    make, message = BAD_PACKS[kind]
    pack = tmp_path / "bad pack.zip"
    pack.write_bytes(make())
    dump, versions, saved = database_dump(kiosk_db), version_count(kiosk_db), backups(kiosk_db)
    files_before = sorted(os.listdir(tmp_path))

    result = kiosk_admin(kiosk_db, "import", str(pack))

    assert result.returncode == 1, result.stdout + result.stderr
    assert message in result.stderr
    assert "bad pack.zip" in result.stderr and "Nothing was changed." in result.stderr
    assert "Traceback" not in result.stderr
    assert database_dump(kiosk_db) == dump
    assert version_count(kiosk_db) == versions
    assert backups(kiosk_db) == saved
    assert sorted(os.listdir(tmp_path)) == files_before  # nothing was unpacked beside the pack

    checked = kiosk_admin(kiosk_db, "validate", str(pack))
    assert checked.returncode == 1 and message in checked.stderr


def test_every_problem_in_a_pack_is_listed_with_where_it_is(tmp_path, kiosk_db):
    document = valid_document()
    document["treatments"][0]["summary"] = ""
    document["treatments"][1]["evidence"] = "amazing"
    pack = tmp_path / "two-problems.zip"
    pack.write_bytes(pack_bytes(document))
    result = kiosk_admin(kiosk_db, "validate", str(pack))
    assert result.returncode == 1
    first, second = document["treatments"][0]["id"], document["treatments"][1]["id"]
    assert f"content.json, '{first}', One-line summary: This is empty. Please fill it in." in result.stderr
    assert f"content.json, '{second}', How good is the evidence?: Tap one of the evidence levels" in result.stderr


def test_import_waits_for_unpublished_staff_changes(tmp_path, kiosk_db):
    from kiosk.content.editing import update_treatment

    library = Library.open(kiosk_db)
    card = library.content().treatments[0]
    update_treatment(library.conn, card.id, {"summary": "A draft summary not yet published."})
    library.close()
    pack = tmp_path / "good.zip"
    pack.write_bytes(pack_bytes())
    dump = database_dump(kiosk_db)
    refused = kiosk_admin(kiosk_db, "import", str(pack))
    assert refused.returncode == 1
    assert "unpublished changes" in refused.stderr and "Nothing was changed." in refused.stderr
    assert database_dump(kiosk_db) == dump
    accepted = kiosk_admin(kiosk_db, "import", "--discard-draft", str(pack))
    assert accepted.returncode == 0, accepted.stderr


def test_export_will_not_overwrite_a_file_by_accident(tmp_path, kiosk_db):
    target = tmp_path / "taken.zip"
    target.write_bytes(b"someone's file")
    result = kiosk_admin(kiosk_db, "export", str(target))
    assert result.returncode == 1 and "already exists" in result.stderr
    assert target.read_bytes() == b"someone's file"
    assert kiosk_admin(kiosk_db, "export", "--replace", str(target)).returncode == 0
    assert zipfile.is_zipfile(target)


def test_a_missing_pack_is_named(tmp_path, kiosk_db):
    result = kiosk_admin(kiosk_db, "import", str(tmp_path / "nowhere.zip"))
    assert result.returncode == 1
    assert "nowhere.zip" in result.stderr and "Traceback" not in result.stderr
