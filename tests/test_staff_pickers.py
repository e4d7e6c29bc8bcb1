"""Pickers, not ids: causes added, renamed, reordered and removed within their group; "Words explained" edited
on screen (and carried in packs); a backup restored on screen."""

import pytest
from admin_runner import kiosk_admin

from kiosk.content.editing import get_draft, remove_condition
from kiosk.content.labels import describe_problem
from kiosk.content.library import Library
from kiosk.content.publishing import publish
from kiosk.content.schema import ContentError
from kiosk.storage.audit import read_audit_log


def draft_group(window, index: int = 0):
    return get_draft(window.library.conn).content.cause_groups[index]


def test_staff_add_rename_reorder_and_remove_a_cause_within_its_group(staff, window):
    group = draft_group(window)
    card = window.content.treatments[0]
    staff.tap("Edit causes")
    staff.tap(f"Add a cause to “{group.title}”")
    editor = staff.area.page
    editor.field("title").input.setText("Hair loss after a fever")
    editor.field("what_it_is").input.setPlainText("A high fever can make many hairs stop growing at once.")
    editor.field("signs").input.setPlainText("Lots of hair coming out two or three months later")
    editor.field("doctor_checks").input.setPlainText("Questions about recent illness")
    staff.tap(f"Not linked: {card.name} · {card.evidence.words}")
    staff.tap("Save")
    staff.wait_to_see("Saved in the draft")
    added = draft_group(window).conditions[-1]
    assert (added.id, added.title, added.treatment_ids) == ("hair-loss-after-a-fever", added.title, (card.id,))

    editor.field("title").input.setText("Hair loss after a high fever")  # renaming is changing the title
    staff.tap("Save")
    staff.wait_to_see("Saved in the draft")
    staff.tap("Back")
    staff.wait_to_see("Hair loss after a high fever")
    staff.tap("Move Hair loss after a high fever up")
    staff.wait_to_see("Moved Hair loss after a high fever to place")
    titles = [condition.title for condition in draft_group(window).conditions]
    assert titles[-2] == "Hair loss after a high fever"

    staff.tap("Remove Hair loss after a high fever")
    assert staff.sees("Remove the cause “Hair loss after a high fever”?")
    staff.tap("Remove cause")
    staff.wait_to_see("Removed Hair loss after a high fever from the draft.")
    assert [c.title for c in draft_group(window).conditions] == [c.title for c in group.conditions]
    assert [c.title for c in window.content.cause_groups[0].conditions] == [c.title for c in group.conditions]


def test_the_only_cause_in_a_group_cannot_be_removed(staff, window):
    group = draft_group(window)
    for condition in group.conditions[1:]:
        remove_condition(window.library.conn, condition.id)
    last = group.conditions[0]
    with pytest.raises(ContentError) as refused:
        remove_condition(window.library.conn, last.id)
    assert "a group needs at least one" in describe_problem(refused.value.problems[0])
    staff.tap("Edit causes")
    assert not staff.button(f"Remove {last.title}").isEnabled()


def test_words_explained_are_edited_on_screen_and_travel_in_packs(staff, window, tmp_path):
    staff.tap("Edit words explained")
    page = staff.area.page
    box = page.field("glossary").input
    lines = box.toPlainText().splitlines()
    assert lines and ": " in lines[0]
    box.setPlainText("\n".join([*lines, "Scalp: the skin on the top of your head."]))
    staff.tap("Save")
    staff.wait_to_see("Saved in the draft")
    words = get_draft(window.library.conn).content.glossary
    assert (words[-1].term, words[-1].meaning) == ("Scalp", "the skin on the top of your head.")

    box.setPlainText("\n".join([*lines, "Scalp without a meaning"]))
    staff.tap("Save")
    staff.wait_to_see("Not saved")
    assert page.field("glossary").error.text().startswith(f"Line {len(lines) + 1} needs the word, a colon")

    publish(window.library.conn)
    pack = tmp_path / "words.zip"
    assert kiosk_admin(window.library.path, "export", str(pack)).returncode == 0
    other = tmp_path / "other.db"
    assert kiosk_admin(other, "init").returncode == 0
    assert kiosk_admin(other, "import", str(pack)).returncode == 0
    library = Library.open(other)
    assert library.content().glossary[-1].term == "Scalp"
    library.close()


def test_a_backup_is_restored_on_screen(staff, window, tmp_path):
    conn = window.library.conn
    staff.tap("Settings")
    assert staff.finish_operation("Back up now")
    staff.wait_to_see("Backup saved")
    page = staff.area.page
    page.field("backups_to_keep").input.setText("12")
    staff.tap("Save")
    staff.wait_to_see("Saved.")
    assert window.library.settings().backups_to_keep == 12
    staff.tap("Restore a backup")
    staff.wait_to_see("Automatic backups on this kiosk")
    backup = next(b for b in staff.buttons() if b.accessibleName().startswith("Backup kiosk-"))
    assert "Back up now" in " ".join(staff.texts())
    staff.tap(backup.accessibleName())
    assert staff.sees("Restore this backup?")
    assert staff.finish_operation("Restore backup")
    staff.wait_to_see("Restored. Patients see the content from the backup now.")
    assert window.library.settings().backups_to_keep == 10
    assert "restore backup" in [entry.action for entry in read_audit_log(conn)]
