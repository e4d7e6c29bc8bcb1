"""The access bar on every screen: text size, contrast, read aloud and language, large, named, and reset for the
next patient."""

import pytest
from PySide6.QtCore import QRect, Qt

from kiosk.ui.look import NORMAL
from kiosk.ui.navigator import Route

SIZES = [(1920, 1080), (1080, 1920), (1280, 800)]


def bar_buttons(window):
    return [b for b in window.frame.access_bar.buttons() if b.isVisibleTo(window)]


def tap(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_bar_is_on_the_start_screen_and_every_other(window, patient, qtbot):
    names = ["Text size", "High contrast", "Read aloud", "Español"]
    assert [b.accessibleName() for b in bar_buttons(window)] == names
    for route in [Route("causes"), Route("treatment", window.content.treatments[0].id), Route("glossary")]:
        window.navigator.go(route)
        qtbot.waitUntil(lambda: window.current_screen().isVisible())
        assert [b.accessibleName() for b in bar_buttons(window)] == names
    assert not patient.visible_buttons() or "Larger text" not in [b.accessibleName() for b in patient.visible_buttons()]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_bar_fits_with_large_buttons_at_every_text_size(window, qtbot, size):
    window.resize(*size)
    for _ in range(3):
        qtbot.waitUntil(lambda: window.frame.access_bar.width() == size[0])
        whole = window.frame.rect()
        rects = []
        for button in bar_buttons(window):
            rect = QRect(button.mapTo(window.frame, button.rect().topLeft()), button.size())
            assert whole.contains(rect), f"{button.accessibleName()} is cut off at {size}"
            assert button.height() >= 60 and button.width() >= 60
            assert button.fontMetrics().horizontalAdvance(button.text()) <= button.width(), button.text()
            assert not any(rect.intersects(other) for other in rects)
            rects.append(rect)
        tap(qtbot, window.frame.access_bar.text_size_button)


def test_text_size_keeps_its_name_and_says_its_size(window, patient, qtbot):
    said = []
    for _ in range(4):
        button = patient.button("Text size")
        said.append((button.accessibleName(), button.accessibleDescription(), window.frame.looks.current().text_scale))
        tap(qtbot, button)
    assert said == [
        ("Text size", "100 %", 1.0),
        ("Text size", "130 %", 1.3),
        ("Text size", "160 %", 1.6),
        ("Text size", "100 %", 1.0),
    ]


def test_contrast_is_a_toggle_with_one_name(window, patient, qtbot):
    button = patient.button("High contrast")
    assert button.isCheckable() and not button.isChecked()
    tap(qtbot, button)
    assert button.accessibleName() == "High contrast" and button.isChecked()
    assert window.frame.looks.current().high_contrast
    assert window.current_screen().look.high_contrast
    tap(qtbot, button)
    assert not button.isChecked() and not window.frame.looks.current().high_contrast


def test_every_choice_returns_to_the_default_at_the_idle_reset_and_only_then(window, patient, qtbot):
    patient.tap("Tap to start")
    tap(qtbot, patient.button("Text size"))
    tap(qtbot, patient.button("High contrast"))
    tap(qtbot, patient.button("Español"))
    chosen = window.frame.looks.current()
    assert (chosen.text_scale, chosen.contrast, chosen.language) == (1.3, "high", "es")
    window.navigator.go(Route("glossary"))
    window.go_home()
    assert window.frame.looks.current() == chosen, "a choice was lost on the way home"
    window.reset_session()  # what the idle countdown does when the patient walks away
    assert window.frame.looks.current() == NORMAL and window.current_screen().look == NORMAL
    assert patient.button("Text size").accessibleDescription() == "100 %"
    assert not patient.button("High contrast").isChecked()
    assert patient.button("Español").isVisible()


def test_contrast_and_language_rebuild_the_screen_on_show_and_keep_no_copy_per_look(window, patient, qtbot):
    patient.tap("Tap to start")
    patient.tap("All treatments")
    list_screen = window.current_screen()
    patient.tap(window.content.treatments[0].name)
    card_screen = window.current_screen()
    count = window.frame.stack.count()
    list_builds = list_screen.builds
    tap(qtbot, patient.button("High contrast"))
    tap(qtbot, patient.button("Español"))
    assert window.current_screen() is card_screen and window.frame.stack.count() == count
    assert card_screen.look.high_contrast and card_screen.look.language == "es"
    assert list_screen.builds == list_builds, "a hidden screen was built again"
    patient.tap("Atrás")  # Back, in Spanish
    assert window.current_screen() is list_screen and list_screen.look == window.frame.looks.current()
    assert window.frame.stack.count() == count
