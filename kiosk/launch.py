"""The kiosk's entry point (`kiosk`, `python -m kiosk`): the start, with Python's collector paused until the first
frame.

The start makes some 40,000 objects the collector tracks (Qt's wrappers, the enums, the content layer), nearly
all of them kept as long as the process runs; collecting while they were made ran Python's collector 61 times,
about 8 ms of a 150 ms start. The window collects once after its first frame, keeps the survivors out of later
collections and resumes collecting (`KioskWindow.finish_starting`)."""

import gc


def main(argv: list[str] | None = None) -> int:
    """Start the kiosk (see `kiosk.app.main`)."""
    pause_collection()
    from kiosk.app import main as start_kiosk  # after the pause: most of the start is this import

    return start_kiosk(argv)


def pause_collection() -> None:
    """No collection until the window's first frame has been painted."""
    gc.disable()
