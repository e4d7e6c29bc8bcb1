"""The focus a keyboard or switch user follows: a ring of at least 3 px on every patient button, in both looks,
that stands out from the button's own colours and from the button without focus (WCAG 2.4.13: 3:1)."""

from dataclasses import replace

import pytest
from keyboard_helpers import KeysOnly
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from kiosk.ui.navigator import Route

RING_PX = 3


def luminance(colour: QColor) -> float:
    """The relative luminance of a colour (WCAG)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(one: QColor, other: QColor) -> float:
    """The contrast ratio of two colours."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def edge_row(button) -> list[QColor]:
    """The colours of the button's first pixels from its left edge, half way down (as drawn on screen)."""
    QCoreApplication.processEvents()
    image = button.grab().toImage()
    return [image.pixelColor(x, image.height() // 2) for x in range(12)]


@pytest.mark.parametrize("high_contrast", [False, True])
def test_every_kind_of_patient_button_shows_a_thick_ring_when_focused(window, qtbot, high_contrast):
    keys = KeysOnly(qtbot, window)
    if high_contrast:
        window.frame.access_bar.contrast_button.click()
    window.navigator.go(Route("cause", "hormonal"))
    qtbot.waitUntil(window.current_screen().is_complete)
    for name in ("Back", "See a doctor soon if…", "What does it look like?", "Minoxidil", "Text size", "Español"):
        button = keys.tab_to(name)
        focused = edge_row(button)
        window.current_screen().heading().setFocus()  # the same button without focus
        qtbot.waitUntil(lambda b=button: not b.hasFocus())
        plain = edge_row(button)
        where = f"{name!r} ({'high contrast' if high_contrast else 'standard'})"
        # the ring: the pixels at the edge that change by 3:1 or more when the button takes focus
        changed = [x for x in range(12) if contrast(focused[x], plain[x]) >= 3]
        assert len(changed) >= RING_PX, f"{where}: only {len(changed)} px change with focus"
        # and the ring stands out from the fill inside it
        ring, inside = focused[changed[0]], focused[11]
        assert contrast(ring, inside) >= 3 or contrast(focused[0], inside) >= 3, f"{where}: ring and fill alike"


def test_a_patient_who_touches_is_not_shown_the_ring_on_the_idle_prompt(window, patient, qtbot):
    keys = KeysOnly(qtbot, window)
    patient.tap("Tap to start")
    patient.tap("Genetic")
    window.settings = replace(window.settings, idle_timeout_seconds=1, idle_warning_seconds=30)
    window.idle.restart()
    overlay = window.idle.overlay
    qtbot.waitUntil(overlay.isVisible, timeout=3000)
    button = overlay.still_here_button
    assert not button.hasFocus() and overlay.panel.hasFocus()  # the alert itself, for a screen reader
    drawn = edge_row(button)
    focus_yellow = QColor("#FFD400")
    assert all(contrast(colour, focus_yellow) > 1.5 for colour in drawn), "the keyboard's ring on a touch screen"
    keys.press(Qt.Key.Key_Tab)  # keys still reach the button
    assert keys.focused() is button
    overlay.panel.setFocus()  # the alert has focus again, as after the touch
    keys.press(Qt.Key.Key_Space)  # Enter or Space on the alert keeps the visit
    qtbot.waitUntil(lambda: not overlay.isVisible())
    assert window.navigator.current == Route("cause", "genetic")  # still where the patient was
