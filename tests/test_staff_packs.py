"""Content packs through the staff screens: import from a USB stick with a preview, damaged packs, export."""

from conftest import read_screen, wait_until_complete

from kiosk.admin.staff.import_preview import ImportPreviewPage
from kiosk.content.editing import update_treatment
from kiosk.content.library import Library
from kiosk.content.packs import export_pack, read_pack
from kiosk.content.publishing import list_versions, publish
from kiosk.ui.navigator import Route


def pack_from_another_kiosk(folder, card_id: str, side_effects: str):
    """A pack exported by a second kiosk (its own database) after it changed one card."""
    other = Library.open(folder / "other-kiosk" / "kiosk.db")
    try:
        update_treatment(other.conn, card_id, {"side_effects": side_effects})
        publish(other.conn)
        return export_pack(other.conn, folder / "clinic-pack.zip")
    finally:
        other.close()


def test_a_pack_from_another_kiosk_is_previewed_then_imported(staff, window, qtbot, tmp_path, usb_stick):
    card = window.content.treatments[2]
    new = "Changed at the other clinic: mild itching."
    pack_from_another_kiosk(tmp_path, card.id, new).rename(usb_stick / "clinic-pack.zip")
    staff.tap("Import content pack")
    assert staff.finish_operation("Pack clinic-pack.zip")
    qtbot.waitUntil(lambda: isinstance(staff.area.page, ImportPreviewPage))
    staff.wait_to_see("Import clinic-pack.zip?")
    assert staff.sees("Cards changed")
    assert staff.sees(f"{card.name}: Side effects")
    assert new not in [c.side_effects for c in window.content.treatments], "previewing changes nothing"

    assert staff.finish_operation("Import now")
    staff.wait_to_see("Imported clinic-pack.zip as version 2. Patients see it now.")
    window.navigator.go(Route("treatment", card.id))
    wait_until_complete(qtbot, window)
    assert new in read_screen(window.frame)
    assert list_versions(window.library.conn)[0].summary == "Imported clinic-pack.zip"


def test_a_damaged_pack_is_refused_with_a_clear_message_and_changes_nothing(staff, window, usb_stick):
    (usb_stick / "broken.zip").write_bytes(b"PK\x03\x04 this is not really a zip file")
    before = window.library.content()
    staff.tap("Import content pack")
    assert not staff.finish_operation("Pack broken.zip")
    staff.wait_to_see("broken.zip: is damaged: it is not a complete zip file")
    assert staff.sees("Nothing was changed.")
    assert window.library.content() == before
    assert list_versions(window.library.conn) == []


def test_export_saves_a_pack_on_the_stick_that_another_kiosk_can_read(staff, window, tmp_path):
    staff.tap("Export content pack")
    staff.button("Save to Home folder")  # once the look for USB sticks (in the worker) is done
    assert staff.finish_operation("Save to Home folder")
    saved = list((tmp_path / "home").glob("kiosk-content-*.zip"))
    assert len(saved) == 1
    staff.wait_to_see(f"Saved {saved[0].name}")
    assert read_pack(saved[0]).content == window.content
