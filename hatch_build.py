"""Compiles the interface translations (assets/i18n/*.ts) into .qm files inside the wheel, with Qt's lrelease.

The .qm files are built, never committed: the wheel carries them as kiosk/_data/i18n/kiosk_<language>.qm,
where kiosk.ui.translation looks first. A translation marked "unfinished" is left out (the patient sees the
English), as `kiosk-admin check` reports it."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def lrelease() -> str:
    """Qt's lrelease from PySide6-Essentials (a build requirement), or pyside6-lrelease on the PATH."""
    try:
        import PySide6

        bundled = Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
        if bundled.exists():
            return str(bundled)
    except ImportError:
        pass
    found = shutil.which("pyside6-lrelease")
    if found is None:
        raise RuntimeError("Qt's lrelease is missing: install PySide6-Essentials to build the kiosk")
    return found


class CustomBuildHook(BuildHookInterface):
    """Adds a compiled .qm for every .ts to the wheel."""

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel":
            return
        sources = sorted(Path(self.root, "assets", "i18n").glob("*.ts"))
        self._folder = tempfile.TemporaryDirectory()
        for source in sources:
            target = Path(self._folder.name) / f"{source.stem}.qm"
            subprocess.run(
                [lrelease(), "-silent", "-nounfinished", str(source), "-qm", str(target)], check=True, timeout=120
            )
            build_data["force_include"][str(target)] = f"kiosk/_data/i18n/{target.name}"

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            folder.cleanup()
