"""The installed package carries its migrations and bundled content, and the console scripts work."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_migrations_content_icons_and_stylesheet(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "kiosk/_data/db/001_init.sql" in names
    assert "kiosk/_data/assets/content/index.toml" in names
    assert "kiosk/_data/assets/icons/home.svg" in names
    assert "kiosk/ui/theme.qss" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    scripts = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "kiosk = kiosk.app:main" in scripts and "kiosk-admin = kiosk.admin.cli:main" in scripts


def test_snapshot_renders_every_screen_to_png_at_the_asked_size(tmp_path):
    from kiosk.content.library import Library
    from kiosk.ui.screens.registry import all_routes, guide_routes

    db = tmp_path / "kiosk.db"
    out = tmp_path / "shots"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-m", "kiosk.admin", "--db", str(db), "init"], env=env, check=True, timeout=120)
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.admin", "--db", str(db), "snapshot", "--out", str(out), "--size", "1080x1920"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    library = Library.open(db)
    expected = len(all_routes(library.content())) + len(guide_routes(library.content()))
    library.close()
    pictures = sorted(out.glob("*.png"))
    assert len(pictures) == expected
    image = QImage(str(pictures[0]))
    assert (image.width(), image.height()) == (1080, 1920)


def test_snapshot_rejects_a_bad_size(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.admin", "snapshot", "--out", str(tmp_path), "--size", "huge"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "not a screen size" in result.stderr
