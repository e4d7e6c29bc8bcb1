"""High contrast: white and yellow on black, at least 7:1 for every text, pressed, checked and focus state
included; the words, dots and icons carry the meaning, never colour alone."""

import re

from conftest import wait_until_complete
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton, QLabel

from kiosk.ui.contrast import BLACK, high_contrast_rules
from kiosk.ui.navigator import Route
from kiosk.ui.painted import EVIDENCE_COLOURS, TextPanel

RULE = re.compile(r"([^{}]+)\{([^}]*)\}")


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(foreground: str | QColor, background: str | QColor) -> float:
    light, dark = sorted((luminance(QColor(foreground)), luminance(QColor(background))), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def stylesheet_pairs() -> dict[str, tuple[str, str]]:
    """Every (text, background) pair the high-contrast stylesheet sets; a rule without a background of its own
    shows its text on the black page."""
    pairs = {}
    for selector, body in RULE.findall(high_contrast_rules()):
        text = re.search(r"(?<![-\w])color:\s*(#[0-9A-Fa-f]{6})", body)
        background = re.search(r"background-color:\s*(#[0-9A-Fa-f]{6})", body)
        if text:
            pairs[selector.strip()] = (text.group(1), background.group(1) if background else BLACK)
    return pairs


def test_every_text_colour_pair_of_the_high_contrast_look_is_at_least_7_to_1():
    pairs = stylesheet_pairs()
    ratios = {selector: contrast(*pair) for selector, pair in pairs.items()}
    low = {selector: round(ratio, 1) for selector, ratio in ratios.items() if ratio < 7}
    assert not low
    states = [s for s in pairs if any(state in s for state in (":pressed", ":checked", ":focus"))]
    assert len(states) >= 8 and "QPushButton#AccessButton:checked" in states
    for selector in ('QLabel#Evidence[evidence="moderate"]', "QFrame#Warning QLabel", "QLabel#GuidanceText"):
        assert ratios[selector] >= 7
    # A pressed or checked button changes more than its shade: it turns from black to yellow or white.
    assert pairs["QPushButton#Alert:pressed"][1] != pairs["QPushButton#Alert"][1]
    assert pairs["QPushButton#AccessButton:checked"][1] != pairs["QPushButton#AccessButton"][1]
    # The badges drawn on cards: white words and dots on each level's colour.
    for colour in EVIDENCE_COLOURS.values():
        assert contrast("#FFFFFF", colour) >= 7
    # focus shows as a thick yellow edge on black
    assert "QPushButton#CauseTile:focus { background-color: #000000; color: #FFFFFF; border: 6px solid #FFFF00; }" in (
        high_contrast_rules()
    )


def test_the_window_in_high_contrast_shows_every_text_at_7_to_1(window, patient, qtbot):
    qtbot.mouseClick(patient.button("High contrast"), Qt.MouseButton.LeftButton)
    for route in [Route("start"), Route("treatment", window.content.treatments[0].id), Route("red_flags")]:
        window.navigator.home()
        window.navigator.go(route)
        wait_until_complete(qtbot, window)
        checked = 0
        for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
            if not widget.isVisibleTo(window) or not (widget.text() or isinstance(widget, TextPanel)):
                continue
            palette = widget.palette()
            text = palette.color(widget.foregroundRole())
            background = palette.color(widget.backgroundRole())
            assert contrast(text, background) >= 7, f"{widget.accessibleName()!r}: {text.name()} on {background.name()}"
            assert text.name().upper() in ("#FFFFFF", "#000000", "#FFFF00")
            checked += 1
        assert checked >= 8
    assert window.current_screen().scroll.widget().palette().window().color().name() == "#000000"


def icon_colours(icon) -> set[str]:
    """The colours an icon is drawn in at 40 px (what is not transparent), rounded to hex."""
    image = icon.pixmap(40, 40).toImage()
    return {
        image.pixelColor(x, y).name().upper()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    }


def test_icons_turn_white_in_high_contrast_and_teal_again_after(window, patient, qtbot):
    patient.tap("Tap to start")
    assert "#0B4F5C" in icon_colours(window.frame.home_button.icon())  # teal, as drawn
    qtbot.mouseClick(patient.button("High contrast"), Qt.MouseButton.LeftButton)
    assert window.frame.looks.current().high_contrast
    assert icon_colours(window.frame.home_button.icon()) == {"#FFFFFF"}  # white on black: 21:1
    tiles = window.current_screen().findChildren(QAbstractButton, "CauseTile")
    tile = next(b for b in tiles if b.isVisibleTo(window))
    assert icon_colours(tile._icon) == {"#FFFFFF"}  # the screen on show, built again in the look
    assert contrast("#FFFFFF", BLACK) >= 7
    qtbot.mouseClick(patient.button("High contrast"), Qt.MouseButton.LeftButton)
    assert not window.frame.looks.current().high_contrast
    assert "#0B4F5C" in icon_colours(window.frame.home_button.icon())
