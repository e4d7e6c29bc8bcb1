"""History staff can read and undo: initials, the live version, any version read-only, differences field by field,
undo, writing checks before publishing, and two staff publishing at once."""

from conftest import read_screen, wait_until_complete

from kiosk.admin.staff.preview import PreviewPage
from kiosk.content.editing import update_treatment
from kiosk.content.library import Library
from kiosk.content.publishing import list_versions, publish
from kiosk.storage import versions
from kiosk.ui.navigator import Route

NEW = "Mild itching for a few people. Tell your doctor."


def publish_on_screen(staff, initials: str = "") -> None:
    staff.tap("Publish")
    staff.wait_to_see("Publish these changes?")
    if initials:
        staff.area.page.initials.input.setText(initials)
    assert staff.finish_operation("Publish now")
    staff.wait_to_see("Patients see it now.")


def test_publish_with_initials_then_read_compare_and_undo_it(staff, window, qtbot):
    card = window.content.treatments[0]
    update_treatment(window.library.conn, card.id, {"side_effects": NEW})
    publish_on_screen(staff, "ab")
    staff.wait_to_see("Patients see version 2, published")
    assert staff.sees("by AB: Changed")
    staff.tap("History")
    staff.wait_to_see("Version 2 · ")
    assert staff.sees(" · by AB")
    assert staff.has_button("Undo last publish")

    staff.tap("Open version 1")
    staff.wait_to_see(f"Card: {card.name} – Side effects")
    assert staff.sees(NEW)  # now
    assert staff.sees(card.side_effects)  # in version 1
    assert staff.sees("In version 1:")
    staff.tap("See version 1 as patients would")
    preview = staff.area.page
    assert isinstance(preview, PreviewPage)
    assert staff.sees("VERSION 1 – read only")
    preview.navigator.go(Route("treatment", card.id))
    wait_until_complete(qtbot, preview)
    shown = read_screen(preview.frame)
    assert card.side_effects in shown and NEW not in shown
    staff.tap("Close preview")
    staff.tap("Back")

    staff.tap("Undo last publish")
    assert staff.sees("Undo version 2?")
    assert staff.finish_operation("Undo last publish")
    staff.wait_to_see("Undone. Patients see the content as before, as version 3.")
    assert list_versions(window.library.conn)[0].summary == "Undid version 2 (restored version 1)"
    assert window.content.treatment(card.id).side_effects == card.side_effects


def test_before_publishing_staff_see_every_writing_problem_and_confirm(staff, window):
    card = next(card for card in window.content.treatments if card.id == "biotin")
    hard = (
        "Pharmacological supplementation demonstrates heterogeneous efficacy in randomised controlled "
        "investigations of nutritional alopecia among deficient individuals."
    )
    update_treatment(window.library.conn, card.id, {"summary": "Biotin reverses hair loss.", "side_effects": hard})
    staff.tap("Publish")
    staff.wait_to_see("Please check these first (4)")
    assert staff.sees(f"Card: {card.name}, One-line summary: “reverses” oversells a treatment")
    assert staff.sees(f"Card: {card.name}, Side effects: reading grade")
    assert staff.sees(f"Card: {card.name}, Side effects: the warning about “blood test” is missing. Put it back.")
    assert not staff.has_button("Publish now")
    staff.tap("Cancel")
    assert versions.read_draft(window.library.conn) is not None and list_versions(window.library.conn) == []
    staff.tap("Publish")
    staff.wait_to_see("Please check these first (4)")
    assert staff.finish_operation("Publish anyway")
    staff.wait_to_see("Published as version 2")


def test_two_staff_publishing_at_once_the_second_is_told_what_changed(staff, window, db_path):
    card, other_card = window.content.treatments[0], window.content.treatments[1]
    update_treatment(window.library.conn, card.id, {"side_effects": NEW})
    staff.tap("Publish")
    staff.wait_to_see("Publish these changes?")

    laptop = Library.open(db_path)  # a second staff member, on a laptop, on the same kiosk database
    update_treatment(laptop.conn, other_card.id, {"summary": "Changed on the laptop for a test."})
    publish(laptop.conn, initials="CD")
    laptop.close()

    assert not staff.finish_operation("Publish now")
    staff.wait_to_see("While you were looking, version 2 was published by CD from another place")
    assert staff.sees(f"{card.name}: Side effects")
    assert staff.sees("Nothing was lost")
    assert [version.number for version in list_versions(window.library.conn)] == [2, 1]
    published = Library.open(db_path)
    assert published.content().treatment(card.id).side_effects == NEW  # the laptop published the shared draft
    assert published.content().treatment(other_card.id).summary == "Changed on the laptop for a test."
    published.close()


def test_a_draft_changed_from_elsewhere_meanwhile_is_shown_before_publishing(staff, window, db_path):
    card, other_card = window.content.treatments[0], window.content.treatments[1]
    update_treatment(window.library.conn, card.id, {"side_effects": NEW})
    staff.tap("Publish")
    staff.wait_to_see("Publish these changes?")
    laptop = Library.open(db_path)
    update_treatment(laptop.conn, other_card.id, {"summary": "Changed on the laptop for a test."})
    laptop.close()
    assert not staff.finish_operation("Publish now")
    staff.wait_to_see("The draft was changed from another place while you were looking")
    assert staff.sees(f"{other_card.name}: One-line summary")
    assert list_versions(window.library.conn) == []
    staff.tap("Cancel")
    publish_on_screen(staff)
    draft_free = Library.open(db_path)
    assert draft_free.content().treatment(other_card.id).summary == "Changed on the laptop for a test."
    assert draft_free.content().treatment(card.id).side_effects == NEW
    draft_free.close()
