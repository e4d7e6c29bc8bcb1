"""The whole visit by keys alone: Tab, Enter and Space, as a keyboard or a one- or two-switch device sends."""

from dataclasses import replace

from keyboard_helpers import KeysOnly, accessible_tree
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kiosk.ui.navigator import Route

Key = Qt.Key


def on_screen(qtbot, window, screen: str) -> QWidget:
    """Wait for `screen`, then give its title, which must have the focus (so a screen reader says it)."""
    qtbot.waitUntil(lambda: window.navigator.current is not None and window.navigator.current.screen == screen)
    title = window.current_screen().heading()
    assert title is not None, f"the {screen} screen has no title"
    qtbot.waitUntil(title.hasFocus)
    return title


def reading_order(window, widgets: list[QWidget]) -> list[QWidget]:
    """`widgets` as a reader meets them: top to bottom, left to right."""

    def place(widget: QWidget) -> tuple[int, int]:
        corner = widget.mapTo(window, widget.rect().topLeft())
        return corner.y(), corner.x()

    return sorted(widgets, key=place)


def test_the_whole_visit_by_tab_enter_and_space_alone(window, qtbot):
    keys = KeysOnly(qtbot, window)
    assert on_screen(qtbot, window, "start").text() == "Worried about hair loss?"
    keys.tab_to("Tap to start")
    keys.press(Key.Key_Return)
    assert on_screen(qtbot, window, "causes").text() == "What might be causing it?"
    keys.tab_to("Hormonal")
    keys.press(Key.Key_Space)
    on_screen(qtbot, window, "cause")
    card = keys.tab_to("Minoxidil")
    keys.press(Key.Key_Enter)  # the Enter key of the number pad too
    title = on_screen(qtbot, window, "treatment")
    assert card.accessibleName().startswith(title.text())
    toggle = keys.tab_to("Add to my questions")
    question = toggle.accessibleDescription()
    keys.press(Key.Key_Space)
    assert toggle.isChecked() and toggle.accessibleName() == "Add to my questions"
    keys.tab_to("My questions (1)")
    keys.press(Key.Key_Return)
    on_screen(qtbot, window, "my_questions")
    window.current_screen().finish_building()
    assert any(question in node.name for node in accessible_tree(window.current_screen()))
    keys.tab_to("Back")
    keys.press(Key.Key_Return)
    assert on_screen(qtbot, window, "treatment").text() == title.text()
    keys.tab_to("Home")
    keys.press(Key.Key_Space)
    on_screen(qtbot, window, "start")
    assert window.navigator.history == (Route("start"),)


def test_tab_goes_in_reading_order_header_screen_then_the_access_bar(window, qtbot):
    keys = KeysOnly(qtbot, window)
    window.navigator.go(Route("causes"))
    on_screen(qtbot, window, "causes")
    window.current_screen().finish_building()
    qtbot.waitUntil(window.current_screen().is_complete)
    order = keys.tab_order()
    screen_buttons = [b.accessibleName() for b in reading_order(window, _tab_stops(window.current_screen()))]
    footer = [b.accessibleName() for b in window.frame.access_bar.buttons()]
    header = ["Back", "Home", "Words explained"]
    assert order == screen_buttons + footer + header
    assert order[:4] == ["Hormonal", "Nutritional", "Genetic", "Not sure / other causes"]


def _tab_stops(widget: QWidget) -> list[QWidget]:
    return [w for w in widget.findChildren(QWidget) if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus]


def test_the_access_bar_by_keys_and_its_toggles_keep_their_names(window, qtbot):
    keys = KeysOnly(qtbot, window)
    on_screen(qtbot, window, "start")
    keys.tab_to("Text size")
    keys.press(Key.Key_Return)
    assert window.frame.looks.current().percent == 130
    contrast = keys.tab_to("High contrast")
    keys.press(Key.Key_Space)
    assert window.frame.looks.current().high_contrast and contrast.isChecked()
    assert contrast.accessibleName() == "High contrast" and contrast.hasFocus()
    keys.press(Key.Key_Return)
    assert not window.frame.looks.current().high_contrast and contrast.accessibleName() == "High contrast"
    keys.tab_to("Español")
    keys.press(Key.Key_Return)
    assert window.frame.looks.current().language == "es"
    assert keys.focused().accessibleName() == "English"  # the button in its place, so Enter goes back
    keys.press(Key.Key_Space)
    assert window.frame.looks.current().language == "en" and keys.focused().accessibleName() == "Español"


def test_the_idle_prompt_takes_focus_and_enter_keeps_the_visit(window, qtbot):
    keys = KeysOnly(qtbot, window)
    window.navigator.go(Route("causes"))
    on_screen(qtbot, window, "causes")
    before = keys.tab_to("Genetic")
    window.settings = replace(window.settings, idle_timeout_seconds=1, idle_warning_seconds=30)
    window.idle.restart()
    overlay = window.idle.overlay
    qtbot.waitUntil(overlay.isVisible, timeout=3000)
    assert keys.focused() is overlay.still_here_button
    keys.press(Key.Key_Tab)  # nothing behind the cover can be reached
    assert keys.focused() is overlay.still_here_button
    keys.press(Key.Key_Return)
    qtbot.waitUntil(lambda: not overlay.isVisible())
    assert window.navigator.current == Route("causes")
    assert keys.focused() is before  # back where the patient was
