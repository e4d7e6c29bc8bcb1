"""Everything staff do is in the audit log, in plain words, on screen and from kiosk-admin; PIN changes on screen."""

from admin_runner import kiosk_admin
from staff_helpers import PIN, Staff

from kiosk.admin.staff.home import StaffHomePage
from kiosk.admin.staff.pin_pad import PinPadPage
from kiosk.content.editing import update_treatment
from kiosk.content.pin import check_pin
from kiosk.storage.audit import read_audit_log


def logged(window) -> list[str]:
    return [f"{entry.action}: {entry.detail}" for entry in read_audit_log(window.library.conn)]


def test_settings_and_back_up_now_on_screen_are_in_the_audit_log_in_plain_words(staff, window):
    staff.tap("Settings")
    staff.area.page.field("idle_timeout_seconds").input.setText("120")
    staff.tap("Save")
    staff.wait_to_see("2 minutes")
    assert staff.finish_operation("Back up now")
    staff.wait_to_see("Backup saved")
    entries = logged(window)
    assert any(
        entry.startswith("change setting: Time without a touch") and "120 seconds (2 minutes)" in entry
        for entry in entries
    )
    assert any(entry.startswith("backup: kiosk-") for entry in entries)
    staff.tap("Back")
    staff.tap("See every staff action")
    staff.wait_to_see("Changed a setting: Time without a touch before “Are you still there?”: 120 seconds")
    assert staff.sees("Backed up: kiosk-")
    assert not any("idle_timeout_seconds" in text for text in staff.texts())


def test_edits_are_logged_with_card_names_and_field_labels_not_ids(staff, window):
    card = window.content.treatments[0]
    update_treatment(window.library.conn, card.id, {"side_effects": "Mild itching for a few people."})
    staff.area.page.refresh()
    staff.wait_to_see(f"Edited the draft: card {card.name}: Side effects")
    assert not any("side_effects" in text for text in staff.texts())


def test_staff_change_the_pin_on_screen_typing_the_old_one_first(staff, window):
    staff.tap("Settings")
    staff.tap("Change the staff PIN")
    assert isinstance(staff.area.page, PinPadPage)
    staff.wait_to_see("Type the staff PIN you use now")
    staff.type_pin("9999")
    staff.wait_to_see("That PIN is not right. 4 tries left")
    staff.type_pin(PIN)
    staff.wait_to_see("Choose a new staff PIN")
    staff.type_pin("1357")
    staff.wait_to_see("Type the new PIN again")
    staff.type_pin("1357")
    assert isinstance(staff.area.page, StaffHomePage)
    staff.wait_to_see("The staff PIN is changed")
    assert check_pin(window.library.conn, "1357").ok
    assert not check_pin(window.library.conn, PIN).ok
    actions = [entry.action for entry in read_audit_log(window.library.conn)]
    assert "change pin" in actions and "wrong pin" in actions


def test_a_pin_too_short_to_be_valid_does_not_use_up_a_try(qtbot, window):
    staff = Staff(qtbot, window)
    staff.unlock()
    staff.tap("Back to patient screens")
    staff.open()
    staff.type_pin("1")
    staff.wait_to_see("(This did not count as a try.)")
    staff.type_pin("1111")
    staff.wait_to_see("4 tries left")
    assert [entry.action for entry in read_audit_log(window.library.conn)].count("wrong pin") == 1


def test_kiosk_admin_audit_lists_what_staff_did_in_plain_words(tmp_path):
    db = tmp_path / "kiosk.db"
    assert kiosk_admin(db, "init").returncode == 0
    assert kiosk_admin(db, "settings", "set", "idle_warning_seconds", "90").returncode == 0
    assert kiosk_admin(db, "backup").returncode == 0
    assert kiosk_admin(db, "export", str(tmp_path / "pack.zip")).returncode == 0
    result = kiosk_admin(db, "audit")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].endswith("Exported a content pack: pack.zip")
    assert "Backed up: kiosk-" in lines[1]
    assert "Changed a setting: How long “Are you still there?” waits: 90 seconds (1 minute 30 seconds)" in lines[2]
    assert "Made the kiosk database" in lines[3]
    assert "idle_warning_seconds" not in result.stdout
