"""Refusals staff understand: an empty new card, characters the kiosk cannot draw, imports and restores that
would change nothing (no empty versions)."""

from admin_runner import database_dump, kiosk_admin, pack_bytes, valid_document, version_count

from kiosk.content.editing import get_draft
from kiosk.storage import versions


def test_an_empty_new_card_says_what_to_fill_in_in_plain_sentences(staff, window):
    staff.tap("Edit cards")
    staff.tap("Add a new card")
    editor = staff.area.page
    staff.tap("Save")
    staff.wait_to_see("Not saved")
    errors = {key: field.error.text() for key, field in editor.form.fields.items() if field.error.isVisible()}
    assert errors["name"] == "This is empty. Please fill it in."
    assert errors["side_effects"] == "This is empty. Please fill it in."
    assert errors["evidence"] == "Tap one of the evidence levels: Strong, Moderate, Limited, Not proven."
    assert errors["sources"] == "Give at least one source, one per line (where the facts come from)."
    shown = " ".join(staff.texts())
    for jargon in ("''", "not_proven", "side_effects", "This name", "field '"):
        assert jargon not in shown
    assert versions.read_draft(window.library.conn) is None


def test_a_new_card_gets_its_short_name_from_its_name(staff, window):
    staff.tap("Edit cards")
    staff.tap("Add a new card")
    editor = staff.area.page
    editor.field("name").input.setText("Scalp massage")
    for key in ("summary", "what_it_is", "how_used", "evidence_reason", "status", "who_may_help", "results_time",
                "if_you_stop", "side_effects", "who_must_avoid"):  # fmt: skip
        editor.field(key).input.setPlainText("Rubbing the scalp for a few minutes a day.")
    editor.field("questions").input.setPlainText("Is it safe for me?\nHow long should I try it?")
    editor.field("sources").input.setPlainText("A small study")
    editor.field("get_help_now").input.setPlainText("Your scalp bleeds or gets sore.")
    editor.field("get_help_action").input.setPlainText("Stop and call your doctor today.")
    staff.tap("How good is the evidence?: Limited")
    staff.tap("Save")
    staff.wait_to_see("Saved in the draft")
    assert get_draft(window.library.conn).content.treatment("scalp-massage").name == "Scalp massage"
    assert editor.field("id").value() == "scalp-massage"


def test_emoji_in_a_card_are_refused_on_screen_naming_them(staff, window):
    card = window.content.treatments[0]
    staff.tap("Edit cards")
    staff.tap(f"Edit {card.name}")
    editor = staff.area.page
    editor.field("side_effects").input.setPlainText("Mild itching 😀 for a few people.")
    staff.tap("Save")
    staff.wait_to_see("Not saved")
    error = editor.field("side_effects").error.text()
    assert "cannot show: '😀' (U+1F600 GRINNING FACE)" in error and "Remove them" in error
    assert versions.read_draft(window.library.conn) is None


def test_kiosk_admin_refuses_text_the_kiosk_cannot_draw(tmp_path):
    db = tmp_path / "kiosk.db"
    assert kiosk_admin(db, "init").returncode == 0
    before = database_dump(db)
    named = kiosk_admin(db, "settings", "set", "clinic_name", "Hillside ✂ Clinic")
    assert named.returncode == 1
    assert "Clinic name contains characters the kiosk's typeface cannot show: '✂'" in named.stderr
    document = valid_document()
    document["treatments"][0]["summary"] = "Works wonders 🌟"
    pack = tmp_path / "stars.zip"
    pack.write_bytes(pack_bytes(document))
    imported = kiosk_admin(db, "import", str(pack))
    assert imported.returncode == 1
    assert "One-line summary: This contains characters the kiosk's typeface cannot show: '🌟'" in imported.stderr
    assert database_dump(db) == before


def test_importing_the_same_content_or_restoring_the_live_version_adds_no_empty_version(tmp_path):
    db = tmp_path / "kiosk.db"
    assert kiosk_admin(db, "init").returncode == 0
    pack = tmp_path / "clinic.zip"
    pack.write_bytes(pack_bytes())
    assert kiosk_admin(db, "import", str(pack)).returncode == 0
    count, backups = version_count(db), sorted((tmp_path / "backups").iterdir())
    again = kiosk_admin(db, "import", str(pack))
    assert again.returncode == 0, again.stderr
    assert "holds exactly what patients see now: nothing to import" in again.stdout
    live = kiosk_admin(db, "rollback", str(count))
    assert live.returncode == 0 and "restoring it would change nothing" in live.stdout
    assert version_count(db) == count
    assert sorted((tmp_path / "backups").iterdir()) == backups
    assert "No changes" not in kiosk_admin(db, "history").stdout
