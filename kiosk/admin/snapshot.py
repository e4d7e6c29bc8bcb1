"""Render every patient screen at its full length to PNG files, without a display, for reviewing content.

Each screen is one tall picture: the frame is made as tall as the screen's content, so a card shows down to
its sources. The published content or the staff draft, at any size, in normal or larger text.
"""

import os
from pathlib import Path

LAYOUT_PASSES = 10  # a screen completed at once is laid out over a few turns of the event loop (shown, then sized)
GROW_PASSES = 4  # taller frame -> new layout -> maybe a little more height (wrapped text); converges quickly
MAX_HEIGHT = 30_000  # a picture taller than this is cut off (Qt's limit for one image is 32,767 pixels)


def settle(app) -> None:
    """Let Qt lay out and show everything that was just built."""
    for _ in range(LAYOUT_PASSES):
        app.processEvents()


def take_snapshots(
    db_path: Path, out_dir: Path, width: int, height: int, draft: bool = False, larger_text: bool = False
) -> list[Path]:
    """Visit every route at `width`×`height` (or taller, to the full length of each screen) and save each as a
    numbered PNG; the draft instead of the published content if `draft`."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.admin.patient_view import PatientView
    from kiosk.app import ensure_application
    from kiosk.content.editing import get_draft
    from kiosk.content.library import Library
    from kiosk.ui.screens.registry import all_routes, guide_routes

    app = ensure_application()
    library = Library.open(db_path)
    try:
        shown = get_draft(library.conn) if draft else None
        settings = library.settings()
        content = shown.content if shown else library.content()
        name = shown.clinic_name if shown else settings.clinic_name
        guidance = shown.doctor_guidance if shown else settings.doctor_guidance
    finally:
        library.close()
    view = PatientView(content, name, guidance, larger_text)
    view.frame.resize(width, height)
    view.frame.show()
    out_dir.mkdir(parents=True, exist_ok=True)
    saved = []
    for number, route in enumerate(all_routes(content) + guide_routes(content), start=1):
        path = out_dir / f"{number:02d}-{route.screen}{'' if route.argument is None else '-' + route.argument}.png"
        _show_full_length(app, view, route, width, height)
        if not _picture(view, height).save(str(path)):
            raise OSError(f"could not write {path}")
        saved.append(path)
    view.frame.close()
    saved += _take_away(app, db_path, out_dir, width, height)
    return saved


def _take_away(app, db_path: Path, out_dir: Path, width: int, height: int) -> list[Path]:
    """The "My questions" summary of a sample patient and its printout, from a real kiosk window."""
    from kiosk.admin.print_commands import snapshot_take_away
    from kiosk.app import build_window

    window = build_window(db_path)
    window.resize(width, height)
    try:
        return snapshot_take_away(window, out_dir, lambda: settle(app))
    finally:
        window.navigator.home()
        window.close()


def _show_full_length(app, view, route, width: int, height: int) -> None:
    view.frame.resize(width, height)
    view.navigator.home()
    view.navigator.go(route)
    view.current_screen().finish_building()
    settle(app)
    for _ in range(GROW_PASSES):
        hidden = view.hidden_height()
        if not hidden or view.frame.height() >= MAX_HEIGHT:
            break
        view.frame.resize(width, min(MAX_HEIGHT, view.frame.height() + hidden))
        settle(app)


def _picture(view, height: int):
    """The frame as shown, without the blank band a tall layout leaves above the doctor guidance."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QImage, QPainter

    whole = view.frame.grab().toImage()
    spare = min(view.spare_height(), whole.height() - height)
    if spare <= 0:
        return whole
    guidance_top = view.frame.guidance_bar.mapTo(view.frame, QPoint(0, 0)).y()
    cut = guidance_top - spare
    picture = QImage(whole.width(), whole.height() - spare, whole.format())
    painter = QPainter(picture)
    painter.drawImage(0, 0, whole.copy(0, 0, whole.width(), cut))
    painter.drawImage(0, cut, whole.copy(0, guidance_top, whole.width(), whole.height() - guidance_top))
    painter.end()
    return picture
