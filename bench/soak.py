"""`python -m bench.soak`: a long run of random taps on the real kiosk, with memory sampled over time.

The taps run from the kiosk's own event loop (one every --interval ms: 50 ms is 20 taps a second); every
--idle-every taps the session is reset as the idle countdown does when a patient walks away.
Prints one line per sample (minutes, taps, resident MB, the same right after the next reset, Qt widgets alive,
errors, the longest the event loop was away between two taps) and writes them as JSON; at the end, the growth after
--settle minutes, read off a line fitted through every reading from then on. Exit status 1 if an error was caught
or logged.

Two readings of memory per sample: where the taps happen to be (in the middle of a visit, on any screen: it
swings by a few MB with the screen on show), and between patients (right after the next reset, at the start
screen: the same place each time, so growth there is what the kiosk keeps).
"""

import argparse
import json
import logging
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication


def resident_mb() -> float:
    """This process's resident memory."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to tap (default 10)")
    parser.add_argument("--interval", type=int, default=50, help="milliseconds between taps (default 50: 20 a second)")
    parser.add_argument("--settle", type=float, default=5.0, help="minutes before memory must be flat (default 5)")
    parser.add_argument("--sample", type=float, default=30.0, help="seconds between memory samples (default 30)")
    parser.add_argument("--idle-every", type=int, default=200, help="reset the session every N taps")
    parser.add_argument("--json", type=Path, default=Path(__file__).parent / "results" / "soak.json")
    return parser.parse_args(argv)


def without_offscreen_notices(mode, context, message: str) -> None:
    """Qt's messages, less the offscreen platform saying what it cannot do (once per window change)."""
    if not message.startswith("This plugin does not support"):
        print(message, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the soak; exit 0 when done."""
    arguments = parse_arguments(argv)
    qInstallMessageHandler(without_offscreen_notices)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.app import build_window, ensure_application

    app = ensure_application()
    folder = tempfile.mkdtemp(prefix="kiosk-soak-")
    window = build_window(Path(folder) / "kiosk.db")
    window.resize(1920, 1080)
    chooser = random.Random(20261125)
    started = time.monotonic()
    samples: list[dict] = []
    state = {"taps": 0, "next_sample": 0.0, "last_tick": started, "longest_gap": 0.0, "reading_between": False}
    logged = ErrorCount()
    logging.getLogger("kiosk").addHandler(logged)

    def sample() -> None:
        minutes = (time.monotonic() - started) / 60
        row = {"minutes": round(minutes, 2), "taps": state["taps"], "resident_mb": round(resident_mb(), 1),
               "widgets": len(QApplication.allWidgets()), "caught_errors": window.crash_handler.count,
               "logged_errors": logged.count, "longest_gap_ms": round(state["longest_gap"] * 1000)}  # fmt: skip
        state["longest_gap"] = 0.0
        samples.append(row)
        if state["taps"] == 0:
            between_patients()  # no patient yet
        else:
            state["reading_between"] = True

    def between_patients() -> None:
        row = samples[-1]
        row["between_patients_mb"] = round(resident_mb(), 1)
        state["reading_between"] = False
        print(f"{row['minutes']:6.2f} min  {row['taps']:7d} taps  {row['resident_mb']:7.1f} MB  "
              f"{row['between_patients_mb']:7.1f} MB between patients  {row['widgets']:6d} widgets  "
              f"{row['caught_errors']} errors caught  {row['logged_errors']} logged  "
              f"longest gap {row['longest_gap_ms']} ms", flush=True)  # fmt: skip

    def tick() -> None:
        now = time.monotonic()
        state["longest_gap"] = max(state["longest_gap"], now - state["last_tick"])
        state["last_tick"] = now
        if now >= state["next_sample"]:
            sample()
            state["next_sample"] = now + arguments.sample
        if now - started >= arguments.minutes * 60:
            timer.stop()
            app.quit()
            return
        buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
        if not buttons:
            return
        button = chooser.choice(buttons)
        point = QPoint(chooser.randrange(max(button.width(), 1)), chooser.randrange(max(button.height(), 1)))
        QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=point)
        state["taps"] += 1
        if state["taps"] % arguments.idle_every == 0:
            window.reset_session()  # what the idle countdown does when a patient walks away
            if state["reading_between"]:
                between_patients()

    timer = QTimer(interval=arguments.interval)
    timer.timeout.connect(tick)
    timer.start()
    app.exec()
    window.reset_session()
    sample()
    between_patients()
    arguments.json.parent.mkdir(parents=True, exist_ok=True)
    arguments.json.write_text(json.dumps({"samples": samples}, indent=2))
    readings = [row for row in samples if "between_patients_mb" in row]
    settled = [row for row in readings if row["minutes"] >= arguments.settle] or readings[-1:]
    first, last = settled[0], readings[-1]
    print("five-minute means between patients: " + ", ".join(f"{mean:.1f}" for mean in window_means(readings)) + " MB")
    print(f"growth after {first['minutes']} min: {fitted_growth(settled, 'between_patients_mb'):+.1f} MB between "
          f"patients, on the line fitted through its {len(settled)} readings "
          f"({fitted_growth(settled, 'resident_mb'):+.1f} MB where the taps were); last reading against the first: "
          f"{last['between_patients_mb'] - first['between_patients_mb']:+.1f} MB; over {last['taps'] - first['taps']} "
          f"taps; longest gap between taps {max(row['longest_gap_ms'] for row in samples)} ms; errors caught "
          f"{last['caught_errors']}, logged {last['logged_errors']}")  # fmt: skip
    return 0 if last["caught_errors"] == 0 and last["logged_errors"] == 0 else 1


def fitted_growth(readings: list[dict], key: str) -> float:
    """How much `key` grew from the first of `readings` to the last, read off the least-squares line through all of
    them. One reading against another is not enough: between patients, memory swings by 1.5-3 MB with what the
    emptied screens happen to hold, so two single readings show growth, or a fall, that is not there."""
    if len(readings) < 2:
        return 0.0
    line = statistics.linear_regression([row["minutes"] for row in readings], [row[key] for row in readings])
    return line.slope * (readings[-1]["minutes"] - readings[0]["minutes"])


def window_means(readings: list[dict], minutes: float = 5.0) -> list[float]:
    """The mean memory between patients in each window of `minutes` (0-5, 5-10, ...), for the eye."""
    windows: dict[int, list[float]] = {}
    end = readings[-1]["minutes"] if readings else 0.0
    for row in readings:
        window = int(min(row["minutes"], end - 1e-6) // minutes)  # a last reading on a window's edge closes it
        windows.setdefault(max(window, 0), []).append(row["between_patients_mb"])
    return [statistics.fmean(values) for _, values in sorted(windows.items())]


class ErrorCount(logging.Handler):
    """Counts what the kiosk logs at warning level or above."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


if __name__ == "__main__":
    sys.exit(main())
