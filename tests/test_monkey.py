"""Children poke at it, patients tap at random: 1,000 random taps on the real window change nothing for the worse."""

import random

import pytest
from conftest import wait_until_complete
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.ui.navigator import Route

TAPS = 1000
TOUCH_REPORT_MS = 16
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
    finger_drag(target, target.mapFrom(viewport, start), QPoint(0, -600))
    qtbot.waitUntil(lambda: bar.value() >= 400, timeout=3000)  # the list follows the finger (moved 600 px)
    assert window.navigator.current == Route("treatments"), f"the drag opened {window.navigator.current}"


def finger_drag(widget, start: QPoint, distance: QPoint, steps: int = 20):
    """Press, move with the button held, and release, as a finger on a touchscreen (mouse-synthesised).

    The finger moves at a touchscreen's rate of about 60 reports a second: QScroller moves the content on its own
    frame timer and measures the fling from time between moves, so moves sent all at once move nothing, or fling
    at random (a flaky test before)."""

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
        QTest.qWait(TOUCH_REPORT_MS)

    held = Qt.MouseButton.LeftButton
    send(QEvent.Type.MouseButtonPress, start, held)
    for step in range(1, steps + 1):
        send(QEvent.Type.MouseMove, start + distance * step / steps, held)
    send(QEvent.Type.MouseButtonRelease, start + distance, Qt.MouseButton.NoButton)
