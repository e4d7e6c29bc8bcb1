"""Touch-first and accessible: big targets, big text, high contrast, names for screen readers, no overflow."""

import re

import pytest
from conftest import wait_until_complete
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from kiosk.resources import ui_file
from kiosk.ui.screens.registry import all_routes

SIZES = [(1920, 1080), (1080, 1920), (1280, 800)]
MIN_TARGET = 60
MIN_TEXT_PX = 20


def visit_every_screen(window, qtbot):
    for route in all_routes(window.content):
        window.navigator.home()
        window.navigator.go(route)
        qtbot.waitUntil(lambda: window.current_screen().isVisible())
        yield route


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_targets_are_finger_sized_and_nothing_overflows_sideways(window, qtbot, size):
    window.resize(*size)
    for route in visit_every_screen(window, qtbot):
        for button in window.findChildren(QAbstractButton):
            if not button.isVisibleTo(window):
                continue
            assert button.height() >= MIN_TARGET and button.width() >= MIN_TARGET, (route, button.text())
            if button.text():
                assert button.width() >= button.sizeHint().width(), ("text cut off", route, button.text())
            right = button.mapTo(window, button.rect().topRight()).x()
            assert right <= window.width(), (route, button.text(), right)
        for label in window.findChildren(QLabel):
            if label.isVisibleTo(window) and label.text():
                right = label.mapTo(window, label.rect().topRight()).x()
                assert right <= window.width() + 1, (route, label.text()[:40], right)


def test_text_is_at_least_20_px(window, qtbot):
    for route in visit_every_screen(window, qtbot):
        for widget in [*window.findChildren(QLabel), *window.findChildren(QAbstractButton)]:
            if widget.isVisibleTo(window) and widget.text():
                assert widget.fontInfo().pixelSize() >= MIN_TEXT_PX, (route, widget.text()[:40])


def test_every_button_and_text_block_has_an_accessible_name(window, qtbot):
    for route in visit_every_screen(window, qtbot):
        for widget in [*window.findChildren(QLabel), *window.findChildren(QAbstractButton)]:
            if widget.isVisibleTo(window) and (widget.text() or isinstance(widget, QAbstractButton)):
                assert widget.accessibleName().strip(), (route, widget.text()[:40])


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_text_colour_in_the_stylesheet_has_at_least_7_to_1_contrast():
    rules = re.findall(r"([^{}]+)\{([^}]*)\}", ui_file("theme.qss").read_text())
    checked = 0
    for selector, body in rules:
        foreground = re.search(r"(?<![-\w])color:\s*(#[0-9A-Fa-f]{6})", body)
        background = re.search(r"background-color:\s*(#[0-9A-Fa-f]{6})", body)
        if foreground and background:
            ratio = contrast(foreground.group(1), background.group(1))
            assert ratio >= 7, f"{selector.strip()}: {ratio:.1f}:1"
            checked += 1
    assert checked >= 15


def test_larger_text_grows_every_text_and_the_next_patient_gets_normal_text(window, patient, qtbot):
    patient.tap("Tap to start")
    patient.tap("All treatments")
    wait_until_complete(qtbot, window)
    normal = visible_text_sizes(window)
    qtbot.mouseClick(patient.button("Text size"), Qt.MouseButton.LeftButton)
    wait_until_complete(qtbot, window)
    larger = visible_text_sizes(window)
    assert set(larger) == set(normal)
    smaller = [text for text in normal if larger[text] < normal[text] * 1.25]
    assert not smaller, f"not larger: {smaller}"
    size = patient.button("Text size")
    assert size.accessibleName() == "Text size" and size.accessibleDescription() == "130 %"
    window.reset_session()  # what the idle countdown does when the patient walks away
    qtbot.waitUntil(lambda: patient.button("Text size").accessibleDescription() == "100 %")
    patient.tap("Tap to start")
    patient.tap("All treatments")
    wait_until_complete(qtbot, window)
    assert visible_text_sizes(window) == normal


def visible_text_sizes(window) -> dict[str, int]:
    """The pixel size of every text the patient can see: the frame and the screen on show."""
    return {
        label.text(): label.fontInfo().pixelSize()
        for label in window.findChildren(QLabel)
        if label.isVisibleTo(window) and label.text()
    }
