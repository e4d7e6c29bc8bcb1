"""USB sticks found with Qt's QStorageInfo (label, read-only, ready), and flushing a saved file onto one.

Asking the system about mounted volumes can block on a slow or failing device, so the staff screens call
`find_sticks` in the worker thread, never on the GUI thread.
"""

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStorageInfo

SYS_BLOCK = Path("/sys/class/block")


@dataclass(frozen=True)
class ExportPlace:
    """A folder a pack can be saved in: its title for staff, and whether it is removable media."""

    folder: Path
    title: str
    removable: bool


def find_sticks() -> list[ExportPlace]:
    """Every mounted, ready, writable removable volume (a USB stick or memory card), by its label."""
    sticks = []
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        if not is_removable_device(bytes(volume.device()).decode(errors="replace")):
            continue
        root = Path(volume.rootPath())
        label = volume.displayName() or volume.name() or root.name
        sticks.append(ExportPlace(root, f"USB stick {label}", True))
    return sticks


def is_removable_device(device: str) -> bool:
    """Whether a block device (like /dev/sdb1) is removable media or sits on a USB bus (Linux sysfs)."""
    name = Path(device).name
    entry = SYS_BLOCK / name
    if not name or not entry.exists():
        return False
    real = entry.resolve()
    disk = real if (real / "removable").exists() else real.parent
    try:
        removable = (disk / "removable").read_text().strip() == "1"
    except OSError:
        removable = False
    return removable or "/usb" in str(real)


def flush_to_disk(path: Path) -> None:
    """Make sure a saved file's folder entry is written to the device too (the file itself is already synced)."""
    descriptor = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
