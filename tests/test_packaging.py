"""The installed package carries its migrations and bundled content, and the console scripts work."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent


def build_wheel(folder: Path) -> Path:
    """The kiosk's wheel, built from this checkout into `folder`."""
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
            str(folder),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    return next(folder.glob("*.whl"))


def test_wheel_ships_migrations_content_icons_and_stylesheet(tmp_path):
    wheel = build_wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "kiosk/_data/db/001_init.sql" in names
    assert "kiosk/_data/assets/content/index.toml" in names
    assert "kiosk/_data/assets/icons/home.svg" in names
    assert "kiosk/ui/theme.qss" in names
    assert "kiosk/_data/i18n/kiosk_es.qm" in names  # compiled by the build hook, never committed
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    scripts = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "kiosk = kiosk.launch:main" in scripts and "kiosk-admin = kiosk.admin.cli:main" in scripts


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


SHOW_SPANISH_BUTTONS = """
import sys
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from kiosk.app import build_window
from kiosk.ui.translation_files import compiled_file

window = build_window(sys.argv[1])
window.resize(1280, 800)
window.show()
QApplication.processEvents()
button = window.frame.access_bar.language_buttons["es"]
QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(button.width() // 2, button.height() // 2))
QApplication.processEvents()
start = [b.accessibleName() for b in window.current_screen().findChildren(type(button)) if b.isVisibleTo(window)]
print(compiled_file("es"))
print(window.frame.words_button.text())
print(start[0])
window.library.close()
"""


def test_the_installed_kiosk_shows_spanish_buttons_from_the_translation_in_its_wheel(tmp_path):
    wheel = build_wheel(tmp_path / "wheel")
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(site), XDG_CACHE_HOME=str(tmp_path / "cache"))
    result = subprocess.run(
        [sys.executable, "-c", SHOW_SPANISH_BUTTONS, str(tmp_path / "kiosk.db")],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,  # not the checkout: the kiosk comes from the installed wheel only
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    qm, words_button, start_button = result.stdout.splitlines()[-3:]
    assert Path(qm).is_relative_to(site / "kiosk" / "_data" / "i18n")
    assert not (tmp_path / "cache").exists()  # nothing compiled at run time
    assert (words_button, start_button) == ("Palabras explicadas", "Toque para empezar")
