"""Render every screen of the kiosk to PNG files, without a display, for reviewing content."""

import os
from pathlib import Path

LAYOUT_PASSES = 10  # a screen completed at once is laid out over a few turns of the event loop (shown, then sized)


def settle(app) -> None:
    """Let Qt lay out and show everything that was just built."""
    for _ in range(LAYOUT_PASSES):
        app.processEvents()


def take_snapshots(db_path: Path, out_dir: Path, width: int, height: int) -> list[Path]:
    """Visit every route on a real window of `width`×`height` and save each as a numbered PNG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.app import build_window, ensure_application
    from kiosk.ui.screens.registry import all_routes

    app = ensure_application()
    window = build_window(db_path)
    window.resize(width, height)
    out_dir.mkdir(parents=True, exist_ok=True)
    saved = []
    for number, route in enumerate(all_routes(window.content), start=1):
        window.navigator.home()
        window.navigator.go(route)
        window.current_screen().finish_building()
        settle(app)
        name = route.screen if route.argument is None else f"{route.screen}-{route.argument}"
        path = out_dir / f"{number:02d}-{name}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        saved.append(path)
    from kiosk.admin.print_commands import snapshot_take_away

    saved += snapshot_take_away(window, out_dir, lambda: settle(app))
    window.navigator.home()
    window.close()
    return saved
