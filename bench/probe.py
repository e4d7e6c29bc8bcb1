"""The measured process: a bare PySide6 window or the real kiosk, started fresh, reporting one JSON line.

Run by the bench as `python -m bench.probe start|taps bare|kiosk ...` with QT_QPA_PLATFORM=offscreen.
The parent puts time.monotonic() at spawn in BENCH_SPAWN_MONOTONIC; on Linux that clock is shared by all
processes, so "spawn to first painted frame" includes interpreter start, imports and the first paint.
"""

import argparse
import json
import os
import random
import sys
import time

INTERPRETER_UP = time.monotonic()

from PySide6.QtCore import QEvent, QEventLoop, QObject, QPoint, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QApplication, QMainWindow, QPushButton, QScrollArea  # noqa: E402

WIDTH, HEIGHT = 1920, 1080
PAINT_TIMEOUT_MS = 5000


def resident_kb() -> int:
    """This process's resident set size (VmRSS), in kB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


class FrameWatcher(QObject):
    """Notes when a frame that paints the watched widgets has been finished.

    A Paint event on a watched widget arrives while Qt paints one frame (the top-level's UpdateRequest paints
    and flushes every dirty widget in one synchronous pass); a zero timer started then fires right after that
    pass returns, so its time is the end of the painted frame.
    """

    def __init__(self):
        super().__init__()
        self.first_paint: float | None = None
        self.frame_done: float | None = None
        self._loop: QEventLoop | None = None
        self._pending = False

    def watch(self, *widgets) -> None:
        """Start watching these widgets' paints for the next frame."""
        self.first_paint = self.frame_done = None
        self._pending = False
        for widget in widgets:
            widget.installEventFilter(self)

    def unwatch(self, *widgets) -> None:
        """Stop watching these widgets."""
        for widget in widgets:
            widget.removeEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and not self._pending and self.frame_done is None:
            self._pending = True
            self.first_paint = time.monotonic()
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        self.frame_done = time.monotonic()
        if self._loop is not None:
            self._loop.quit()

    def wait(self, timeout_ms: int = PAINT_TIMEOUT_MS) -> bool:
        """Run the event loop until the frame is done; False on timeout."""
        if self.frame_done is None:
            self._loop = QEventLoop()
            QTimer.singleShot(timeout_ms, self._loop.quit)
            self._loop.exec()
            self._loop = None
        return self.frame_done is not None


def spin(milliseconds: int = 0) -> None:
    """Let the event loop run (posted events, deferred deletes, paints) for about this long."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def build_bare():
    """The baseline: a QApplication and a QMainWindow holding one button, nothing else."""
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.setCentralWidget(QPushButton("Tap"))
    window.resize(WIDTH, HEIGHT)
    window.show()
    return app, window


def build_kiosk(db_path: str):
    """The real kiosk start-up path (fonts, stylesheet, database, window) at 1920×1080."""
    from kiosk.app import build_window

    window = build_window(db_path)
    window.resize(WIDTH, HEIGHT)
    return QApplication.instance(), window


def tap_targets(window) -> list[QAbstractButton]:
    """Every button a finger could reach now (scrolling if needed)."""
    return [button for button in window.findChildren(QAbstractButton) if button.isVisibleTo(window)]


def bring_into_view(button: QAbstractButton) -> None:
    """Scroll the button's screen so the button is on the glass, as a patient would."""
    parent = button.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(button, 0, 0)


def press_release(button: QAbstractButton) -> float:
    """Press, let the pressed look paint, then release; returns the time of the release."""
    from PySide6.QtTest import QTest

    centre = QPoint(button.width() // 2, button.height() // 2)
    QTest.mousePress(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    spin()
    released = time.monotonic()
    QTest.mouseRelease(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    return released


class RefGuard:
    """Keeps None, True and False alive while the probe runs, and counts the references to them that were lost.

    PySide6 6.12.0 drops references to these singletons (True on every Python Signal.emit(), None in some
    timer and event-loop calls); on Python 3.11, where they are not immortal, the process aborts with
    "bool_dealloc" or "none_dealloc" once a count reaches zero. The probe holds spare references so that it
    can finish, and reports how many went missing; the bare window runs the same probe code, so the kiosk's
    own share is the difference.
    """

    SINGLETONS = {"None": None, "True": True, "False": False}

    def __init__(self):
        self._spare: dict[str, list] = {name: [] for name in self.SINGLETONS}
        self._start = {name: sys.getrefcount(value) for name, value in self.SINGLETONS.items()}

    def top_up(self) -> None:
        """Add spare references to any singleton whose count runs low."""
        for name, value in self.SINGLETONS.items():
            if sys.getrefcount(value) < 5000:
                self._spare[name].extend([value] * 10_000)

    def lost(self) -> dict[str, int]:
        """References lost since the guard was made (spares added are not counted as gains)."""
        return {
            name: self._start[name] + len(self._spare[name]) - sys.getrefcount(value)
            for name, value in self.SINGLETONS.items()
        }


def kiosk_taps(window, count: int, seed: int, guard: RefGuard) -> tuple[dict[str, list[float]], int]:
    """Random taps on visible buttons; tap-to-painted milliseconds by the kind of screen reached."""
    rng = random.Random(seed)
    latencies: dict[str, list[float]] = {}
    timeouts = 0
    watcher = FrameWatcher()
    for _ in range(count):
        guard.top_up()
        button = rng.choice(tap_targets(window))
        bring_into_view(button)
        spin()
        before = window.navigator.current
        released = press_release(button)
        route = window.navigator.current
        if route == before:
            spin()
            continue
        screen = window.current_screen()
        # The tap's handler has built and shown the new screen; the frame that paints it comes next.
        watcher.watch(screen)
        if watcher.wait():
            latencies.setdefault(route.screen, []).append((watcher.frame_done - released) * 1000)
        else:
            timeouts += 1
        watcher.unwatch(screen)
    spin()
    return latencies, timeouts


# For each screen kind: where to stand (routes set up without timing) and the button that leads there.
TOP_UP_TAPS = {
    "start": ([("causes", None)], "Home"),
    "causes": ([], "Tap to start"),
    "cause": ([("causes", None)], "cause tile"),
    "treatments": ([("causes", None)], "All treatments"),
    "compare": ([("causes", None)], "What actually works? Compare treatments"),
    "red_flags": ([], "See a doctor soon if…"),
    "glossary": ([("causes", None)], "Words explained"),
    "treatment": ([("causes", None), ("treatments", None)], "treatment card"),
}


def top_up_taps(window, latencies: dict[str, list[float]], minimum: int, seed: int, guard: RefGuard) -> int:
    """Directed taps until every screen kind has at least `minimum` samples; returns how many timed out."""
    from kiosk.ui.navigator import Route

    rng = random.Random(seed)
    timeouts = 0
    watcher = FrameWatcher()
    for kind, (setup, name) in TOP_UP_TAPS.items():
        while len(latencies.get(kind, [])) < minimum:
            guard.top_up()
            window.navigator.home()
            for screen, argument in setup:
                window.navigator.go(Route(screen, argument))
            spin()
            if name == "cause tile":
                group = rng.choice(window.content.cause_groups)
                button = _named_button(window, group.title)
            elif name == "treatment card":
                card = rng.choice(window.content.treatments)
                button = _named_button(window, f"{card.name}, ")
            else:
                button = _named_button(window, name)
            bring_into_view(button)
            spin()
            released = press_release(button)
            screen = window.current_screen()
            watcher.watch(screen)
            if watcher.wait():
                latencies.setdefault(kind, []).append((watcher.frame_done - released) * 1000)
            else:
                timeouts += 1
                break
            watcher.unwatch(screen)
    return timeouts


def _named_button(window, name: str) -> QAbstractButton:
    buttons = tap_targets(window)
    exact = [button for button in buttons if button.accessibleName() == name]
    return (exact or [button for button in buttons if button.accessibleName().startswith(name)])[0]


def bare_taps(window, count: int, guard: RefGuard) -> None:
    """The same number of taps on the bare window's one button."""
    button = window.centralWidget()
    for _ in range(count):
        guard.top_up()
        press_release(button)
        spin()


def main(argv: list[str] | None = None) -> None:
    """Start one window, measure it, print one JSON line, and leave at once."""
    parser = argparse.ArgumentParser(prog="python -m bench.probe")
    parser.add_argument("mode", choices=("start", "taps"))
    parser.add_argument("kind", choices=("bare", "kiosk"))
    parser.add_argument("--db", help="kiosk database (kiosk only)")
    parser.add_argument("--taps", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--min-per-kind", type=int, default=50, help="top up each screen kind to this many samples")
    arguments = parser.parse_args(argv)
    spawned = float(os.environ.get("BENCH_SPAWN_MONOTONIC", INTERPRETER_UP))

    app, window = build_bare() if arguments.kind == "bare" else build_kiosk(arguments.db)
    watcher = FrameWatcher()
    watcher.watch(window)
    if not watcher.wait():
        print(json.dumps({"error": "the window never painted"}), flush=True)
        os._exit(1)
    watcher.unwatch(window)
    result = {
        "interpreter_up_s": INTERPRETER_UP - spawned,
        "first_paint_event_s": watcher.first_paint - spawned,
        "first_frame_s": watcher.frame_done - spawned,
        "rss_after_start_kb": resident_kb(),
    }
    if arguments.mode == "taps":
        guard = RefGuard()
        if arguments.kind == "kiosk":
            latencies, timeouts = kiosk_taps(window, arguments.taps, arguments.seed, guard)
            result["rss_after_taps_kb"] = resident_kb()
            result["refs_lost_in_taps"] = guard.lost()
            result["random_taps_by_kind"] = {kind: len(samples) for kind, samples in latencies.items()}
            timeouts += top_up_taps(window, latencies, arguments.min_per_kind, arguments.seed, guard)
            result["tap_to_paint_ms"] = latencies
            result["tap_timeouts"] = timeouts
        else:
            bare_taps(window, arguments.taps, guard)
            result["rss_after_taps_kb"] = resident_kb()
            result["refs_lost_in_taps"] = guard.lost()
        result["taps"] = arguments.taps
    if arguments.kind == "kiosk":
        window.library.close()
    print(json.dumps(result), flush=True)
    # Skip interpreter teardown: PySide6 can crash while collecting Qt objects at exit, which is not ours to time.
    os._exit(0)


if __name__ == "__main__":
    main()
