"""Children poke at it, patients tap at random: 1,000 random taps on the real window change nothing for the worse."""

import random

import pytest
from conftest import wait_until_complete
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from kiosk.ui.navigator import Route

TAPS = 1000
TOUCH_REPORT_MS = 16  # a touchscreen reports a moving finger about 60 times a second
ALLOWED_GROWTH_MB = 40


def resident_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    pytest.skip("no /proc/self/status on this system")


def settle():
    QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def random_taps(window, patient, qtbot, count, chooser):
    for _ in range(count):
        buttons = patient.visible_buttons()
        button = chooser.choice(buttons)
        point = QPoint(chooser.randrange(button.width()), chooser.randrange(button.height()))
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=point)
        settle()


def test_a_thousand_random_taps_raise_nothing_and_memory_stays_bounded(window, patient, qtbot):
    chooser = random.Random(20261125)
    random_taps(window, patient, qtbot, 100, chooser)  # warm up: every kind of screen built once
    before = resident_mb()
    random_taps(window, patient, qtbot, TAPS, chooser)
    grown = resident_mb() - before
    assert grown < ALLOWED_GROWTH_MB, f"memory grew {grown:.1f} MB over {TAPS} taps"
    assert window.crash_handler.count == 0, "an error was caught (and logged) during the taps"
    window.reset_session()  # the idle reset: the next patient starts afresh, in the default look
    settle()
    assert window.navigator.history == (Route("start"),)
    assert patient.sees("Worried about hair loss?")


def test_dragging_a_list_scrolls_it_and_does_not_open_a_card(window, patient, qtbot):
    patient.tap("Tap to start")
    patient.tap("All treatments")
    screen = window.current_screen()
    bar = screen.scroll.verticalScrollBar()
    wait_until_complete(qtbot, window)  # the list below the first view comes a frame or two after it
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    viewport = screen.scroll.viewport()
    start = QPoint(viewport.width() // 2, viewport.height() - 60)
    target = viewport.childAt(start)
    assert target is not None
    finger_drag(qtbot, target, target.mapFrom(viewport, start), QPoint(0, -600))
    assert bar.value() >= 400, f"the list moved {bar.value()} px under a finger moved 600 px"
    assert window.navigator.current == Route("treatments"), f"the drag opened {window.navigator.current}"


def finger_drag(qtbot, widget, start: QPoint, distance: QPoint, steps: int = 20):
    """Press, move with the button held, and release, as a finger on a touchscreen (mouse-synthesised).

    The finger reports its place from a timer, as a touchscreen does about 60 times a second: QScroller moves the
    content by the time between moves, so moves sent all at once moved nothing, and the release flung it or not at
    random (a flaky test before)."""

    def send(kind, local, buttons):
        event = QMouseEvent(
            kind,
            QPointF(local),
            QPointF(widget.mapToGlobal(local)),
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(widget, event)

    held = Qt.MouseButton.LeftButton
    places = [start + distance * step / steps for step in range(1, steps + 1)]
    touchscreen = QTimer(interval=TOUCH_REPORT_MS)

    def report() -> None:
        if places:
            send(QEvent.Type.MouseMove, places.pop(0), held)
        else:
            touchscreen.stop()
            send(QEvent.Type.MouseButtonRelease, start + distance, Qt.MouseButton.NoButton)

    touchscreen.timeout.connect(report)
    send(QEvent.Type.MouseButtonPress, start, held)
    touchscreen.start()
    qtbot.waitUntil(lambda: not touchscreen.isActive(), timeout=5000)
