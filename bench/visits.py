"""`python -m bench.visits [N ...]`: memory and live widgets after N visits of places, in one process.

A visit goes from the causes screen to a place and back, round the kinds a patient reaches most: each card,
each cause, compare, the glossary and my questions. After each N it prints the resident memory (RSS, from
/proc/self/statm) and the count of live widgets; a kiosk that reuses its widgets stays flat."""

import gc
import os
import sys
import tempfile
from itertools import cycle
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.app import build_window  # noqa: E402
from kiosk.ui.navigator import Route  # noqa: E402


def rss_mb() -> float:
    """Resident memory of this process in MB."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def places(window) -> list[Route]:
    """Every place a visit goes to, in order."""
    content = window.content
    routes = [Route("treatment", card.id) for card in content.treatments]
    routes += [Route("cause", group.id) for group in content.cause_groups]
    return routes + [Route("compare"), Route("glossary"), Route("my_questions")]


def settle(window) -> None:
    """Build the screen on show completely and let Qt delete what was let go."""
    window.current_screen().finish_building()
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def main(counts: list[int]) -> None:
    """Visit places and print memory and widgets after each count of visits."""
    with tempfile.TemporaryDirectory() as folder:
        window = build_window(Path(folder) / "kiosk.db")
        window.resize(1920, 1080)
        window.show()
        navigator = window.navigator
        navigator.go(Route("causes"))
        settle(window)
        route = cycle(places(window))
        done = 0
        for count in counts:
            while done < count:
                navigator.go(next(route))
                settle(window)
                navigator.back()
                settle(window)
                done += 1
            gc.collect()
            print(f"{done} visits: RSS {rss_mb():.1f} MB, live widgets {len(QApplication.allWidgets())}", flush=True)
        window.locked = False
        window.close()
        window.library.close()


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [200, 2000, 10000])
