"""Export to a USB stick: sticks found with QStorageInfo off the GUI thread, flushed before "take it out"."""

import kiosk.admin.staff.sticks as sticks
from kiosk.admin.staff.places import Places
from kiosk.admin.staff.sticks import ExportPlace, is_removable_device
from kiosk.content.packs import read_pack
from kiosk.storage.audit import read_audit_log


def test_only_a_removable_stick_is_said_to_be_safe_to_take_out(staff, window, tmp_path, qtbot):
    stick = tmp_path / "CLINIC"
    stick.mkdir()
    home = tmp_path / "home"  # made by the staff fixture
    looked_from = []

    def fake_sticks():
        import threading

        looked_from.append(threading.current_thread() is threading.main_thread())
        return [ExportPlace(stick, "USB stick CLINIC", True)]

    staff.area.places = Places(mount_roots=(tmp_path / "media",), home=home, sticks=fake_sticks)
    staff.tap("Export content pack")
    staff.button("Save to USB stick CLINIC")
    assert looked_from == [False]  # asked in the worker thread, not on the GUI thread
    assert staff.finish_operation("Save to USB stick CLINIC")
    staff.wait_to_see("It is completely written to the stick: you can take the stick out now.")
    saved = list(stick.glob("kiosk-content-*.zip"))
    assert len(saved) == 1 and read_pack(saved[0]).content == window.content

    assert staff.finish_operation("Save to Home folder")
    staff.wait_to_see(f"in {home}.")
    assert not staff.sees("take the stick out")
    assert [entry.action for entry in read_audit_log(window.library.conn)][:2] == ["export pack", "export pack"]


def test_a_stick_pulled_out_mid_export_is_explained_and_nothing_is_left_half_written(staff, window, tmp_path):
    gone = tmp_path / "GONE"
    staff.area.places = Places(
        mount_roots=(tmp_path / "media",), home=tmp_path, sticks=lambda: [ExportPlace(gone, "USB stick GONE", True)]
    )
    staff.tap("Export content pack")
    staff.button("Save to USB stick GONE")
    assert not staff.finish_operation("Save to USB stick GONE")
    staff.wait_to_see("could not write the pack")
    assert staff.sees("Nothing was changed.") and not staff.sees("take the stick out")
    assert not gone.exists()


def test_removable_media_is_told_apart_with_sysfs(tmp_path, monkeypatch):
    devices = tmp_path / "devices"
    usb_disk = devices / "pci0000:00" / "usb1" / "1-1" / "block" / "sdb"
    (usb_disk / "sdb1").mkdir(parents=True)
    (usb_disk / "removable").write_text("1\n")
    internal = devices / "pci0000:00" / "ata1" / "block" / "sda"
    (internal / "sda1").mkdir(parents=True)
    (internal / "removable").write_text("0\n")
    block = tmp_path / "class" / "block"
    block.mkdir(parents=True)
    for name, target in (("sdb1", usb_disk / "sdb1"), ("sda1", internal / "sda1"), ("sda", internal)):
        (block / name).symlink_to(target)
    monkeypatch.setattr(sticks, "SYS_BLOCK", block)
    assert is_removable_device("/dev/sdb1")
    assert not is_removable_device("/dev/sda1")
    assert not is_removable_device("/dev/sda")
    assert not is_removable_device("tmpfs")
