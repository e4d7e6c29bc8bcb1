"""The kiosk's entry point (`kiosk`, `python -m kiosk`): the start, with Python's collector paused until the first
frame.

The start makes some 100,000 objects (Qt's wrappers, the enums, the content layer) that live as long as the
process; collecting while they are made ran Python's collector 61 times, about 8 ms of a 150 ms start. The
window collects once after its first frame, keeps the survivors out of later collections and resumes collecting
(`KioskWindow.finish_starting`)."""

import gc


def main(argv: list[str] | None = None) -> int:
    """Start the kiosk (see `kiosk.app.main`)."""
    pause_collection()
    from kiosk.app import main as start_kiosk  # after the pause: most of the start is this import

    return start_kiosk(argv)


def pause_collection() -> None:
    """No collection until the window's first frame has been painted."""
    gc.disable()
