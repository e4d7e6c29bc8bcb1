"""Where content packs can be found and saved: mounted USB sticks and the home folder."""

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from kiosk.admin.staff.sticks import ExportPlace, find_sticks

MOUNT_ROOTS = (Path("/media"), Path("/run/media"), Path("/mnt"))
MOUNT_DEPTH = 4  # /media/<user>/<stick>/<folder>/pack.zip
HOME_DEPTH = 2  # ~/pack.zip and ~/Downloads/pack.zip
MAX_FOLDERS = 2000
MAX_FILES = 100


def home_folder() -> Path:
    """The kiosk user's home folder."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation))


@dataclass
class Places:
    """The folders searched for packs (USB mounts deeply, home shallowly) and offered for saving them."""

    mount_roots: tuple[Path, ...] = MOUNT_ROOTS
    home: Path = field(default_factory=home_folder)
    sticks: Callable[[], list[ExportPlace]] = find_sticks

    def pack_files(self) -> list[Path]:
        """Every *.zip found, newest first (a bounded search: a huge disk cannot stall the screen)."""
        return self.files_ending(".zip")

    def backup_files(self) -> list[Path]:
        """Every *.db found on USB sticks and in the home folder, newest first."""
        return self.files_ending(".db")

    def files_ending(self, suffix: str) -> list[Path]:
        """Every file whose name ends with `suffix`, newest first, in a bounded search."""
        found: list[Path] = []
        budget = [MAX_FOLDERS]
        for root in self.mount_roots:
            _walk(root, MOUNT_DEPTH, found, budget, suffix)
        _walk(self.home, HOME_DEPTH, found, budget, suffix)
        unique = {path.resolve(): path for path in found}
        return sorted(unique.values(), key=_modified, reverse=True)[:MAX_FILES]

    def export_places(self) -> list[ExportPlace]:
        """USB sticks (found with QStorageInfo; call this off the GUI thread), then the home folder."""
        return [*self.sticks(), ExportPlace(self.home, "Home folder", False)]


def _walk(folder: Path, depth: int, found: list[Path], budget: list[int], suffix: str) -> None:
    if depth < 1 or budget[0] <= 0 or len(found) >= MAX_FILES * 2:
        return
    budget[0] -= 1
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_file() and entry.name.lower().endswith(suffix):
                found.append(Path(entry.path))
            elif entry.is_dir(follow_symlinks=False):
                _walk(Path(entry.path), depth - 1, found, budget, suffix)
        except OSError:
            continue


def _folders(folder: Path) -> list[Path]:
    try:
        return sorted(Path(entry.path) for entry in os.scandir(folder) if entry.is_dir() and entry.name[0] != ".")
    except OSError:
        return []


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
