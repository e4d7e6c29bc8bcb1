"""Staff edit a card on the kiosk, preview it, publish it, and restore the version before."""

import sqlite3

from conftest import read_screen, wait_until_complete
from PySide6.QtCore import Qt

import kiosk.admin.staff.publish_page
from kiosk.admin.staff.card_editor import CardEditorPage
from kiosk.admin.staff.preview import PreviewPage
from kiosk.content.editing import get_draft, set_red_flags
from kiosk.content.publishing import list_versions
from kiosk.storage import versions
from kiosk.ui.navigator import Route


def patient_card_texts(qtbot, window, card_id: str) -> list[str]:
    """What a patient reads on the card's screen."""
    window.navigator.home()
    window.navigator.go(Route("treatment", card_id))
    wait_until_complete(qtbot, window)
    return read_screen(window.frame)


def open_card_editor(staff, card) -> CardEditorPage:
    staff.tap("Edit cards")
    staff.tap(f"Edit {card.name}")
    staff.qtbot.waitUntil(lambda: isinstance(staff.area.page, CardEditorPage))
    return staff.area.page


def test_edit_preview_publish_and_restore_a_card(staff, window, qtbot):
    card = window.content.treatments[1]
    old = card.side_effects
    editor = open_card_editor(staff, card)
    box = editor.field("side_effects").input
    assert box.toPlainText() == old
    assert not staff.area.keyboard.isVisible()  # not until a box is touched
    box.setPlainText("Some people get a mild headache")
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(staff.area.keyboard.isVisible)
    box.moveCursor(box.textCursor().MoveOperation.End)
    for key in ("Full stop", "Space", "Shift", "R", "a", "r", "e", "l", "y", "Delete", "Delete", "Full stop"):
        staff.tap(key)
    new = "Some people get a mild headache. Rare."
    assert box.toPlainText() == new
    staff.tap("Save")
    staff.wait_to_see("Saved in the draft")
    assert get_draft(window.library.conn).content.treatment(card.id).side_effects == new

    staff.tap("Back")
    staff.tap("Back")
    staff.tap("Preview draft")
    qtbot.waitUntil(lambda: isinstance(staff.area.page, PreviewPage))
    assert staff.sees("PREVIEW – patients cannot see this yet")
    staff.tap("Tap to start")
    staff.tap("All treatments")
    staff.tap(f"{card.name}, {card.evidence.words}")
    preview = staff.area.page
    qtbot.waitUntil(lambda: preview.navigator.current == Route("treatment", card.id))
    wait_until_complete(qtbot, preview)
    assert new in read_screen(preview.frame)
    assert old not in read_screen(preview.frame)
    seen_by_patients = patient_card_texts(qtbot, window, card.id)
    assert old in seen_by_patients and new not in seen_by_patients
    staff.tap("Close preview")

    staff.tap("Publish")
    staff.wait_to_see(f"{card.name}: Side effects")
    assert staff.sees("Publish these changes?")
    assert staff.finish_operation("Publish now")
    staff.wait_to_see("Published as version 2. Patients see it now.")
    assert new in patient_card_texts(qtbot, window, card.id)
    assert versions.read_draft(window.library.conn) is None

    staff.tap("History")
    staff.wait_to_see(f"Changed {card.name}: Side effects")
    staff.wait_to_see("Content as first installed")
    staff.tap("Open version 1")
    staff.wait_to_see(f"Card: {card.name} – Side effects")
    staff.tap("Restore version 1")
    assert staff.sees("Restore version 1?")
    assert staff.finish_operation("Restore")
    staff.wait_to_see("Restored. Patients see it now, as version 3.")
    staff.wait_to_see("Restored version 1")
    assert old in patient_card_texts(qtbot, window, card.id)
    assert [v.summary for v in list_versions(window.library.conn)][0] == "Restored version 1"


def test_an_empty_name_is_refused_next_to_the_field_and_nothing_is_saved(staff, window):
    card = window.content.treatments[0]
    editor = open_card_editor(staff, card)
    editor.field("name").input.setText("   ")
    editor.field("questions").input.setPlainText("Only one question?")
    staff.tap("Save")
    staff.wait_to_see("Not saved")
    name_error = editor.field("name").error
    assert name_error.isVisible() and name_error.text() == "This is empty. Please fill it in."
    assert name_error.parentWidget() is editor.field("name")
    assert editor.field("questions").error.text() == "Give 2 to 4 questions, one per line (you gave 1)."
    assert not editor.field("summary").error.isVisible()
    assert versions.read_draft(window.library.conn) is None
    assert get_draft(window.library.conn).content.treatment(card.id).name == card.name

    staff.tap("Back")
    assert staff.sees("Leave without saving?")
    staff.tap("Stay here")
    assert staff.area.page is editor
    staff.tap("Back")
    staff.tap("Leave without saving")
    staff.wait_to_see("Tap a card to change it.")


def test_cards_can_be_added_moved_and_removed_in_the_draft(staff, window):
    first, second = window.content.treatments[:2]
    staff.tap("Edit cards")
    staff.tap(f"Move {second.name} up")
    staff.wait_to_see(f"Moved {second.name} to place 1.")
    assert [c.id for c in get_draft(window.library.conn).content.treatments[:2]] == [second.id, first.id]
    staff.tap(f"Remove {first.name}")
    staff.tap("Remove card")
    staff.wait_to_see(f"Removed {first.name} from the draft.")
    assert first.id not in [c.id for c in get_draft(window.library.conn).content.treatments]
    assert first.id in [c.id for c in window.content.treatments], "patients see nothing until it is published"


def test_warning_signs_guidance_and_settings_are_checked_next_to_each_field(staff, window):
    staff.tap("Edit warning signs")
    page = staff.area.page
    page.field("red_flags").input.setPlainText("\n\n")
    staff.tap("Save")
    staff.wait_to_see("Not saved")
    assert page.field("red_flags").error.isVisible()
    page.field("red_flags").input.setPlainText("Your hair falls out in clumps.\nYour scalp hurts.")
    staff.tap("Save")
    staff.wait_to_see("Saved in the draft")
    assert get_draft(window.library.conn).content.red_flags == ("Your hair falls out in clumps.", "Your scalp hurts.")
    staff.tap("Back")

    staff.tap("Doctor guidance and clinic name")
    page = staff.area.page
    page.field("doctor_guidance").input.setPlainText("")
    page.field("clinic_name").input.setText("Riverside Skin Clinic")
    staff.tap("Save")
    assert page.field("doctor_guidance").error.text().startswith("This cannot be empty")
    assert get_draft(window.library.conn).clinic_name == ""
    staff.tap("Back")
    staff.tap("Leave without saving")

    staff.tap("Settings")
    page = staff.area.page
    page.field("idle_timeout_seconds").input.setText("5")
    page.field("backups_to_keep").input.setText("twelve")
    staff.tap("Save")
    assert page.field("idle_timeout_seconds").error.text() == (
        "This must be between 15 and 3600 (60 minutes); '5' is not. Type a number in that range."
    )
    assert page.field("backups_to_keep").error.text() == "This must be a whole number, like 10; 'twelve' is not."
    assert window.settings.idle_timeout_seconds == 90
    page.field("idle_timeout_seconds").input.setText("120")
    page.field("backups_to_keep").input.setText("12")
    staff.tap("Save")
    staff.wait_to_see("Saved. The kiosk uses the new settings")
    assert window.settings.idle_timeout_seconds == 120


def test_a_full_disk_while_publishing_is_explained_and_changes_nothing(staff, window, monkeypatch):
    set_red_flags(window.library.conn, ["Your hair falls out in clumps."])

    def disk_full(conn):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(kiosk.admin.staff.publish_page, "publish", lambda conn, **_: disk_full(conn))
    staff.tap("Publish")
    staff.wait_to_see("Publish these changes?")
    assert not staff.finish_operation("Publish now")
    staff.wait_to_see("The kiosk database could not be changed (database or disk is full)")
    assert staff.sees("Nothing was changed.")
    assert get_draft(window.library.conn).has_changes
    assert list_versions(window.library.conn) == []


def test_a_new_card_typed_on_a_physical_keyboard_and_a_bad_cause_link(staff, window, qtbot):
    staff.tap("Edit cards")
    staff.tap("Add a new card")
    editor = staff.area.page
    qtbot.keyClicks(editor.field("id").input, "scalp-massage")
    qtbot.keyClicks(editor.field("name").input, "Scalp massage")
    for name in (
        "summary",
        "what_it_is",
        "how_used",
        "evidence_reason",
        "status",
        "who_may_help",
        "results_time",
        "if_you_stop",
        "side_effects",
        "who_must_avoid",
        "get_help_action",
    ):
        editor.field(name).input.setPlainText("Rubbing the scalp for a few minutes a day.")
    editor.field("questions").input.setPlainText("Is it safe for me?\n\nHow long should I try it?")
    editor.field("sources").input.setPlainText("A small study")
    editor.field("get_help_now").input.setPlainText("Your scalp bleeds or gets sore.")
    staff.tap("Save")
    assert editor.field("evidence").error.text().startswith("Tap one of the evidence levels: Strong")
    staff.tap("How good is the evidence?: Limited")
    staff.tap("Save")
    staff.wait_to_see("Saved in the draft")
    card = get_draft(window.library.conn).content.treatment("scalp-massage")
    assert card.questions == ("Is it safe for me?", "How long should I try it?")
    assert editor.field("id").input.isReadOnly()

    staff.tap("Back")
    staff.tap("Back")
    staff.tap("Edit causes")
    condition = window.content.cause_groups[0].conditions[0]
    staff.tap(f"Edit cause: {condition.title}")
    for card_id in condition.treatment_ids:  # untick the cards linked now, by name
        linked = window.content.treatment(card_id)
        staff.tap(f"Linked: {linked.name} · {linked.evidence.words}")
    staff.tap("Not linked: Scalp massage · Limited evidence")
    staff.tap("Save")
    staff.wait_to_see("Saved in the draft")
    draft = get_draft(window.library.conn).content
    assert draft.cause_groups[0].conditions[0].treatment_ids == ("scalp-massage",)
