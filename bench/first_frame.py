"""`python -m bench.first_frame label|label-qt|kiosk [--db PATH]`: start to the first painted frame, importing
nothing of the bench's own before that frame.

`label` is the smallest baseline: a process that imports only QtWidgets, shows one QLabel full screen and paints
it. `label-qt` is the same label centred with `Qt.AlignmentFlag`: a reference, with no budget, for what any
program that uses Qt's namespace pays before its first frame (PySide makes all of the namespace's ~130 enum
types on first use). `kiosk` starts the real kiosk through its entry point, `kiosk.launch.main()` (full screen,
locked down, logging, lock file) and watches its window once the kiosk has made it. Both ask the event loop to
stop at the first Paint event of their top-level window; the loop stops once that paint pass (the frame) is
done, and that time is reported.
The parent puts time.monotonic() at spawn in BENCH_SPAWN_MONOTONIC (one clock for all processes on Linux).
"""

import json
import os
import sys
import time

INTERPRETER_UP = time.monotonic()


def resident_kb() -> int:
    """This process's resident set size (VmRSS), in kB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def leave(painted: float | None, started: float) -> None:
    """Print the one JSON line and end at once (teardown is not part of the start)."""
    done = time.monotonic()
    spawned = float(os.environ.get("BENCH_SPAWN_MONOTONIC", started))
    result = {"interpreter_up_s": INTERPRETER_UP - spawned, "first_frame_s": done - spawned,
              "rss_after_start_kb": resident_kb()}  # fmt: skip
    if painted is None:
        result = {"error": "the event loop ended before a frame was painted"}
    print(json.dumps(result), flush=True)
    os._exit(0 if painted is not None else 1)


def label(with_qt_namespace: bool = False) -> None:
    """One QLabel, full screen, painted once (centred through Qt's namespace, if asked)."""
    from PySide6.QtWidgets import QApplication, QLabel

    painted: list[float] = []

    class Label(QLabel):
        def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
            super().paintEvent(event)
            if not painted:
                painted.append(time.monotonic())
                QApplication.exit(0)  # the loop ends once this paint pass is done

    app = QApplication(sys.argv[:1])
    shown = Label("Tap")
    if with_qt_namespace:
        from PySide6.QtCore import Qt

        shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
    shown.showFullScreen()
    app.exec()
    leave(painted[0] if painted else None, INTERPRETER_UP)


def kiosk(db: str) -> None:
    """The real kiosk, as started on the wall; its window is watched from the moment the kiosk has made it."""
    from kiosk import launch

    launch.pause_collection()  # as the entry point does first: the watch below imports kiosk.app before it
    import kiosk.app as kiosk_app

    painted: list[float] = []
    make_window = kiosk_app.show_window

    def show_window(library, fullscreen):
        from PySide6.QtCore import QCoreApplication, QEvent, QObject  # already imported by the kiosk

        class FirstPaint(QObject):
            def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
                if not painted and event.type() == QEvent.Type.Paint:
                    painted.append(time.monotonic())
                    QCoreApplication.exit(0)  # the loop ends once this paint pass is done
                return False

        window = make_window(library, fullscreen)
        window.first_paint_watch = FirstPaint(window)
        window.installEventFilter(window.first_paint_watch)
        return window

    kiosk_app.show_window = show_window
    launch.main(["--db", db])
    leave(painted[0] if painted else None, INTERPRETER_UP)


if __name__ == "__main__":
    if sys.argv[1] in ("label", "label-qt"):
        label(with_qt_namespace=sys.argv[1] == "label-qt")
    else:
        kiosk(sys.argv[sys.argv.index("--db") + 1])
