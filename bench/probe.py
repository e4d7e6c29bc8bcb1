"""The measured process: a bare PySide6 window or the real kiosk, started fresh, reporting one JSON line.

Run by the bench as `python -m bench.probe start|taps bare|kiosk ...` on Qt's offscreen platform with a
1920×1080 screen. The kiosk starts through its own entry point, `kiosk.launch.main()` (full screen, locked down,
logging, lock file), exactly as on a clinic wall; the bare window is a QMainWindow with one button, shown full screen.

The parent puts time.monotonic() at spawn in BENCH_SPAWN_MONOTONIC; on Linux that clock is shared by all
processes, so "spawn to first painted frame" includes interpreter start, imports, and the first paint.
"""

import argparse
import json
import os
import sys
import time

INTERPRETER_UP = time.monotonic()

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton, QWidget  # noqa: E402

from bench import taps  # noqa: E402

NO_PAINT_TIMEOUT_MS = 60_000
SAMPLE_EVERY = 1000  # taps between samples of resident memory


def resident_kb() -> int:
    """This process's resident set size (VmRSS), in kB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


class FirstFrame(QObject):
    """Application-wide until the first paint of a main window; then, once that frame is done, calls `then`.

    The filter is removed as soon as the first frame is done, so it costs nothing afterwards.
    """

    def __init__(self, app: QApplication, then):
        super().__init__()
        self.first_paint: float | None = None
        self.frame_done: float | None = None
        self._app = app
        self._then = then
        self._window = None
        self.keep = None  # whatever must outlive the callback (the tapper)
        self.watchdog: QTimer | None = None
        app.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if self._window is None and event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            self._window = watched
            self.first_paint = time.monotonic()
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        self.frame_done = time.monotonic()
        self._app.removeEventFilter(self)
        if self.watchdog is not None:
            self.watchdog.stop()
        try:
            self._then(self._window, self)
        except BaseException as error:  # report, never hang inside the event loop
            leave({"error": f"{type(error).__name__}: {error}"}, status=1)


def leave(result: dict, status: int = 0) -> None:
    """Print the one JSON line and end the process at once.

    Interpreter teardown is skipped: PySide6 can crash while collecting Qt objects at exit, which is not
    the kiosk's start-up or the tap we are timing.
    """
    print(json.dumps(result), flush=True)
    os._exit(status)


SCREEN_KINDS = ("start", "causes", "cause", "treatment", "treatments", "compare", "red_flags", "glossary")


def measure(window, first: FirstFrame, arguments: argparse.Namespace, spawned: float) -> None:
    """Everything after the first frame: memory, and for `taps` mode the taps (which end the process)."""
    result = {
        "interpreter_up_s": INTERPRETER_UP - spawned,
        "first_paint_event_s": first.first_paint - spawned,
        "first_frame_s": first.frame_done - spawned,
        "rss_after_start_kb": resident_kb(),
        "window": [window.width(), window.height()],
    }
    if arguments.mode == "start":
        leave(result)
    if arguments.mode == "looks":
        measure_looks(window, first, arguments, result)
        return
    guard = taps.RefGuard()
    kiosk = arguments.kind == "kiosk"
    route = (lambda: window.navigator.current) if kiosk else (lambda: None)
    builds = (lambda: screens_built(window)) if kiosk else (lambda: 0)
    control = (lambda button: access_control(window, button)) if kiosk else (lambda button: "other")
    tapper = taps.Tapper(window, route, guard, builds, control)
    result["taps"] = arguments.taps
    result["rss_by_taps_kb"] = {}
    random_choice = taps.random_taps(arguments.taps, arguments.seed)

    def choose(buttons):
        if tapper.taps % SAMPLE_EVERY == 0:
            result["rss_by_taps_kb"][tapper.taps] = resident_kb()
        return random_choice(buttons)

    def after_random_taps() -> None:
        result["rss_after_taps_kb"] = resident_kb()
        result["rss_by_taps_kb"][tapper.taps] = result["rss_after_taps_kb"]
        result["refs_lost_in_taps"] = guard.lost()
        if not kiosk:
            leave(result)
        result["random_taps_by_kind"] = {kind: len(samples) for kind, samples in tapper.latencies.items()}
        limit = 20 * arguments.min_per_kind * len(SCREEN_KINDS)
        choose = taps.top_up_taps(tapper, SCREEN_KINDS, arguments.min_per_kind, arguments.seed, limit)
        tapper.run(choose, finish)

    def finish() -> None:
        result["tap_to_paint_ms"] = {kind: list(samples) for kind, samples in tapper.latencies.items()}
        result["first_visit_ms"] = {kind: list(samples) for kind, samples in tapper.first_visits.items()}
        result["return_built_again_ms"] = [ms for samples in tapper.returns_built_again.values() for ms in samples]
        result["tap_timeouts"] = tapper.timeouts
        result["buttons_gone_before_tap"] = tapper.gone_before_tap
        result["tap_timeouts_by_kind"] = tapper.timeouts_by_kind
        result["all_taps"] = tapper.taps
        result["errors_caught"] = window.crash_handler.count
        result["widgets_per_screen"] = widgets_per_screen(window)
        leave(result)

    # Runs on from the event loop; this callback returns at once, as a real touch handler would.
    tapper.run(choose, after_random_taps)
    first.keep = tapper


ACCESS_CONTROLS = ("text size", "high contrast", "language", "read aloud")


def access_control(window, button) -> str:
    """Which control of the access bar `button` is (its row in the table), or "other"."""
    bar = window.frame.access_bar
    if button is bar.text_size_button:
        return "text size"
    if button is bar.contrast_button:
        return "high contrast"
    if button is bar.read_aloud_button:
        return "read aloud"
    return "language" if button in bar.language_buttons.values() else "other"


def measure_looks(window, first: FirstFrame, arguments: argparse.Namespace, result: dict) -> None:
    """First visits of every kind of screen in each of the 12 looks, and the taps that switch into each."""
    from bench.looks import LooksRun

    builds = lambda: screens_built(window)  # noqa: E731
    tapper = taps.Tapper(window, lambda: window.navigator.current, taps.RefGuard(), builds,
                         lambda button: access_control(window, button))  # fmt: skip

    def finished(looks: dict) -> None:
        result["looks"] = looks
        result["errors_caught"] = window.crash_handler.count
        leave(result)

    # The start screen is the root of the history, kept: in a new look it is built again by the switch itself.
    kinds = tuple(kind for kind in SCREEN_KINDS if kind != "start")
    first.keep = LooksRun(window, tapper, kinds, arguments.min_per_kind, arguments.seed, finished)
    first.keep.start()


def screens_built(window) -> int:
    """How many times the kiosk's screens have been built so far (a tap that adds one built its screen)."""
    stack = window.frame.stack
    return sum(getattr(stack.widget(index), "builds", 0) for index in range(stack.count()))


def built_widgets(content: QWidget) -> list[QWidget]:
    """The widgets built into a screen's column, less section panels kept hidden for the next place."""
    explicit = Qt.WidgetAttribute.WA_WState_ExplicitShowHide
    return [w for w in content.findChildren(QWidget) if not (w.isHidden() and w.testAttribute(explicit))]


def widgets_per_screen(window) -> dict[str, dict[str, int]]:
    """For the first place of each kind of screen, in the look a patient starts in: widgets built for its first
    frame, and once complete."""
    from kiosk.ui.screens.registry import all_routes

    window.reset_session()  # the random taps leave any text size, contrast and language chosen
    counts = {}
    for route in all_routes(window.content):
        if route.screen in counts:
            continue
        window.navigator.home()
        window.navigator.go(route)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # emptied, on their way out: not counted
        screen = window.current_screen()
        content = screen.column.parentWidget()
        first_view = len(built_widgets(content))
        screen.finish_building()
        counts[route.screen] = {"first_view": first_view, "complete": len(built_widgets(content))}
    window.navigator.home()
    return counts


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """The probe's options."""
    parser = argparse.ArgumentParser(prog="python -m bench.probe")
    parser.add_argument("mode", choices=("start", "taps", "looks"))
    parser.add_argument("kind", choices=("bare", "kiosk"))
    parser.add_argument("--db", help="kiosk database (kiosk only)")
    parser.add_argument("--taps", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--min-per-kind", type=int, default=50, help="top up each screen kind to this many samples")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Start one window, measure it, print one JSON line, and leave."""
    arguments = parse_arguments(argv)
    spawned = float(os.environ.get("BENCH_SPAWN_MONOTONIC", INTERPRETER_UP))
    # The kiosk's ensure_application() reuses this QApplication, so both start the same way.
    app = QApplication(sys.argv[:1])
    first = FirstFrame(app, lambda window, first: measure(window, first, arguments, spawned))
    watchdog = QTimer(singleShot=True, interval=NO_PAINT_TIMEOUT_MS)
    watchdog.timeout.connect(lambda: leave({"error": "the window never painted"}, status=1))
    watchdog.start()
    first.watchdog = watchdog
    if arguments.kind == "bare":
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.setCentralWidget(QPushButton("Tap"))
        window.showFullScreen()
        app.exec()
    else:
        from kiosk.launch import main as kiosk_main

        status = kiosk_main(["--db", arguments.db])
        leave({"error": f"the kiosk exited with status {status} before its first frame"}, status=1)


if __name__ == "__main__":
    main()
