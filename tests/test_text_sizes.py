"""Three text sizes (100, 130 and 160 %) and no text cut off at any of them: every label and every painted text
fits its widget; a long screen scrolls instead. The default run walks one screen of each kind at 160 % in
portrait and on the small landscape screen; `-m every_look` walks every screen at every size and look."""

import re

import pytest
from conftest import wait_until_complete
from PySide6.QtCore import QCoreApplication, QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.ui.look import Look
from kiosk.ui.navigator import Route
from kiosk.ui.painted import BADGE_PADDING, PaintedButton, TextPanel, badge_lines, badge_text
from kiosk.ui.screens.registry import all_routes, guide_routes
from kiosk.ui.text_size import LARGEST, LARGEST_FONT_PX, TEXT_SCALES, font_rules

SMALL_SCREENS = [(1080, 1920), (1280, 800)]
EVERY_SCREEN = [(1920, 1080), (1080, 1920), (1280, 800)]


def one_of_each_kind(content) -> list[Route]:
    """The first route of each kind of screen, and My questions."""
    kinds: dict[str, Route] = {}
    for route in [*all_routes(content), *guide_routes(content), Route("my_questions")]:
        kinds.setdefault(route.screen, route)
    return list(kinds.values())


def cut_off(widget: QWidget) -> list[str]:
    """What of a widget's text does not fit it ([] when all of it does)."""
    problems = []
    name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
    if isinstance(widget, (TextPanel, PaintedButton)):
        problems += _painted_cut_off(widget)
    elif isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
        room = widget.contentsRect()
        metrics = widget.fontMetrics()
        if widget.wordWrap():
            longest = max(widget.text().split(), key=metrics.horizontalAdvance)
            if metrics.horizontalAdvance(longest) > room.width() or widget.heightForWidth(widget.width()) > (
                widget.height()
            ):
                problems.append(name)
        elif metrics.horizontalAdvance(widget.text()) > room.width() or metrics.height() > room.height():
            problems.append(name)
    elif isinstance(widget, QAbstractButton) and widget.text():
        icon = widget.iconSize().width() + 8 if not widget.icon().isNull() else 0
        metrics, lines = widget.fontMetrics(), widget.text().split("\n")  # a touch button wraps where it must
        widest = max(metrics.horizontalAdvance(line) for line in lines)
        if widest + icon > widget.width() or metrics.lineSpacing() * len(lines) > widget.height():
            problems.append(name)
    return [f"{type(widget).__name__} {problem[:60]!r} ({widget.width()}x{widget.height()})" for problem in problems]


def _painted_cut_off(widget) -> list[str]:
    if widget.height() < widget.heightForWidth(widget.width()):
        return [widget.blocks.blocks[0].text + ": too short"]
    margins = widget.MARGINS
    if isinstance(widget, TextPanel):
        width = widget._text_width(widget.width())
    else:
        width = widget.width() - widget._text_left() - margins[2]
    problems = []
    for block, font in zip(widget.blocks.blocks, widget.blocks.fonts(widget.font()), strict=True):
        metrics = QFontMetrics(font)
        indent = metrics.horizontalAdvance(block.mark + "  ") if block.mark else 0
        if block.evidence is not None:
            lines = badge_lines(block.evidence, metrics, width - indent).split("\n")
            needed = max(metrics.horizontalAdvance(line) for line in lines) + 2 * BADGE_PADDING[0]
        else:
            needed = max((metrics.horizontalAdvance(word) for word in block.text.split()), default=0)
        if needed + indent > width:
            problems.append(block.text or badge_text(block.evidence))
    return problems


def visible_cut_offs(window) -> list[str]:
    """Every text on show (frame and screen, scrolled or not) that does not fit its widget."""
    window.current_screen().finish_building()
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()
    problems = []
    for widget in window.findChildren(QWidget):
        if widget.isVisibleTo(window) and widget.width() > 0:
            problems += cut_off(widget)
    frame = window.frame.rect()
    for widget in [window.frame.header_bar, window.frame.guidance_bar, window.frame.access_bar]:
        if not frame.contains(QRect(widget.mapTo(window.frame, widget.rect().topLeft()), widget.size())):
            problems.append(f"{widget.objectName()} is outside the window")
    return problems


def walk(window, qtbot, routes, size, look) -> list[str]:
    window.resize(*size)
    window.frame.looks.choose(look)
    problems = []
    for route in routes:
        window.navigator.home()
        window.navigator.go(route)
        qtbot.waitUntil(lambda: window.current_screen().isVisible())
        wait_until_complete(qtbot, window)
        try:  # Qt takes a turn or two to lay out wrapped text at its final width
            qtbot.waitUntil(lambda: not visible_cut_offs(window), timeout=1000)
        except qtbot.TimeoutError:
            problems += [f"{route.screen} {route.argument or ''} at {size}: {p}" for p in visible_cut_offs(window)]
        if window.width() > size[0]:  # a window grows to what its widgets need; a screen's glass does not
            problems.append(f"{route.screen} {route.argument or ''} needs {window.width()} px, wider than {size[0]}")
    return problems


@pytest.mark.parametrize("size", SMALL_SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_nothing_is_cut_off_on_any_kind_of_screen_at_160_percent(window, qtbot, size):
    problems = walk(window, qtbot, one_of_each_kind(window.content), size, Look(text_scale=1.6))
    assert not problems, "\n".join(problems)


def test_nothing_is_cut_off_or_wider_than_the_glass_in_spanish_at_160_percent_in_portrait(window, qtbot):
    """Spanish runs longer than English: at 160 % a button's words wrap rather than widen the screen (the causes
    screen's "¿Qué funciona de verdad? Compare los tratamientos" needed 1,153 px of a 1,080-pixel screen)."""
    problems = walk(window, qtbot, one_of_each_kind(window.content), (1080, 1920), Look(1.6, language="es"))
    assert not problems, "\n".join(problems)


def test_a_long_screen_scrolls_at_160_percent(window, qtbot):
    window.resize(1280, 800)
    window.frame.looks.choose(Look(text_scale=1.6))
    window.navigator.go(Route("treatment", window.content.treatments[0].id))
    wait_until_complete(qtbot, window)
    assert window.current_screen().scroll.verticalScrollBar().maximum() > 0


@pytest.mark.every_look
@pytest.mark.parametrize("size", EVERY_SCREEN, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scale", TEXT_SCALES)
@pytest.mark.parametrize("contrast", ["standard", "high"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_nothing_is_cut_off_on_any_screen_in_any_look(window, qtbot, size, scale, contrast, language):
    routes = [*all_routes(window.content), *guide_routes(window.content), Route("my_questions")]
    problems = walk(window, qtbot, routes, size, Look(scale, contrast, language))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("size", EVERY_SCREEN, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_idle_prompt_shows_all_its_words_at_160_percent(window, qtbot, size, language):
    """The countdown was cut to a line and a half at 1280×800: the panel took the height its text needs at its
    widest, not at the width it was given."""
    window.resize(*size)
    window.frame.looks.choose(Look(1.6, contrast="high", language=language))
    overlay = window.idle.overlay
    overlay.show_countdown(27)
    overlay.cover(window.frame.looks.current().stylesheet())
    qtbot.waitUntil(overlay.isVisible)
    QCoreApplication.processEvents()
    problems = [problem for widget in overlay.findChildren(QWidget) for problem in cut_off(widget)]
    assert not problems, "\n".join(problems)


def ink(widget: QWidget) -> int:
    """How many of the widget's pixels (every other one, each way) stand out from its background: its letters."""
    image = widget.grab().toImage()
    background = image.pixelColor(0, 0).lightness()
    return sum(
        abs(image.pixelColor(x, y).lightness() - background) > 60
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    )


@pytest.mark.parametrize("contrast", ["standard", "high"])
def test_the_headings_show_their_letters_at_every_text_size(window, qtbot, contrast):
    window.navigator.go(Route("compare"))
    inks = []
    for scale in TEXT_SCALES:
        window.frame.looks.choose(Look(scale, contrast))
        wait_until_complete(qtbot, window)
        inks.append(ink(window.current_screen().heading()))
    # Told to keep letters over 64 px in its cache of drawn letters, Qt drew none of them: the 160 % headings
    # (70 px) were blank on the glass.
    assert all(inks) and inks == sorted(inks), f"ink at 100, 130, 160 %: {inks}"


def test_no_text_size_makes_letters_larger_than_qt_keeps_drawn():
    sizes = [int(size) for size in re.findall(r"font-size:\s*(\d+)px", font_rules(LARGEST))]
    # Larger letters are drawn from their outlines at every paint: a 160 % heading (70 px) took 1.6 ms a frame.
    assert max(sizes) == LARGEST_FONT_PX == 64
