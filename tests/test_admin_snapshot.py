"""`kiosk-admin snapshot`: one picture per screen at its full length, of the published content or the draft."""

import os
import subprocess
import sys

from admin_runner import kiosk_admin
from PySide6.QtGui import QImage

from kiosk.content.editing import update_treatment
from kiosk.content.library import Library
from kiosk.ui.screens.registry import all_routes, guide_routes

LONG = " ".join(["Some people get a mild rash on the scalp. Tell your doctor if it does not go away."] * 12)


def snapshot(db, out, *options: str) -> dict[str, QImage]:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk.admin", "snapshot", "--db", str(db), "--out", str(out), *options],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "each at its full length" in result.stdout
    return {path.stem.split("-", 1)[1]: QImage(str(path)) for path in sorted(out.glob("*.png"))}


def test_every_screen_at_full_length_for_the_published_content_and_the_draft(tmp_path):
    db = tmp_path / "kiosk.db"
    assert kiosk_admin(db, "init").returncode == 0
    library = Library.open(db)
    card = library.content().treatment("finasteride")
    update_treatment(library.conn, card.id, {"side_effects": LONG})
    library.close()

    published = snapshot(db, tmp_path / "published", "--size", "1080x1920")
    shown = published["treatment-finasteride"]
    assert shown.width() == 1080 and shown.height() > 1920 + 300  # down to the sources, not one screenful
    assert published["start"].height() == 1920  # a screen that fits stays the size asked for
    library = Library.open(db)
    try:
        shown_content = library.content()
    finally:
        library.close()
    assert len(published) == len(all_routes(shown_content) + guide_routes(shown_content))

    draft = snapshot(db, tmp_path / "draft", "--size", "1080x1920", "--draft")
    assert draft["treatment-finasteride"].height() > shown.height() + 200  # the long draft text is all there
    assert draft["treatment-biotin"].height() == published["treatment-biotin"].height()

    larger = snapshot(db, tmp_path / "larger", "--size", "1080x1920", "--text", "larger")
    assert larger["treatment-finasteride"].height() > shown.height() + 200

    wide = snapshot(db, tmp_path / "wide", "--size", "1920x1080")
    assert wide["treatment-finasteride"].width() == 1920 and wide["treatment-finasteride"].height() > 1080


def test_a_missing_database_is_refused_and_no_pictures_are_made(tmp_path):
    result = kiosk_admin(tmp_path / "nowhere.db", "snapshot", "--out", str(tmp_path / "shots"))
    assert result.returncode == 1 and "There is no kiosk database" in result.stderr
    assert not (tmp_path / "shots").exists()
