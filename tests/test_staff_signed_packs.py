"""Signed and unsigned packs imported by hand on the staff screen (behind the PIN), as the setting allows."""

from admin_runner import pack_bytes
from fleet_helpers import make_key, versioned_document, write_signed_pack

from kiosk.admin.staff.import_preview import ImportPreviewPage
from kiosk.content.settings import save_setting
from kiosk.content.signing import fingerprint, load_public_key
from kiosk.storage.fleet import add_trusted_key


def test_an_unsigned_pack_is_refused_by_hand_when_only_signed_packs_are_allowed(staff, window, usb_stick):
    save_setting(window.library.conn, "allow_unsigned_packs", "0")
    (usb_stick / "unsigned.zip").write_bytes(pack_bytes(versioned_document(2)))
    before = window.library.content()
    staff.tap("Import content pack")
    assert not staff.finish_operation("Pack unsigned.zip")
    staff.wait_to_see("is not signed, and this kiosk only takes signed packs")
    assert staff.sees("Nothing was changed.")
    assert window.library.content() == before


def test_a_pack_signed_with_a_trusted_key_is_imported_by_hand(staff, window, qtbot, usb_stick, tmp_path):
    save_setting(window.library.conn, "allow_unsigned_packs", "0")
    key, public = make_key(tmp_path / "keys")
    raw = load_public_key(public)
    add_trusted_key(window.library.conn, fingerprint(raw), raw, "Content team")
    write_signed_pack(usb_stick / "signed.zip", key, 5)
    staff.tap("Import content pack")
    assert staff.finish_operation("Pack signed.zip")
    qtbot.waitUntil(lambda: isinstance(staff.area.page, ImportPreviewPage))
    assert staff.finish_operation("Import now")
    staff.wait_to_see("Imported signed.zip")
    assert window.library.content().treatments[0].name == "Minoxidil, edition 5"
