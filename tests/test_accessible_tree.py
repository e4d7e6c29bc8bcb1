"""What a screen reader finds, through Qt's accessibility interfaces (what Orca reads over AT-SPI): headings with
levels, a named control for every button, focus on each new screen's title, no doubled names, toggles that keep
their name, the idle prompt as an alert, and only the screen on show."""

from dataclasses import replace

import pytest
from keyboard_helpers import KeysOnly, accessible_tree
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from kiosk.ui.accessible import announcer
from kiosk.ui.navigator import Route
from kiosk.ui.painted import TextPanel

Role = QAccessible.Role
CONTROLS = {Role.Button, Role.CheckBox}
MOST_OBJECTS = 250  # a card with the frame has about 100; the longest list (Words explained) about 200


def complete(qtbot, window) -> list:
    """The tree of the whole window once the screen on show is complete."""
    qtbot.waitUntil(window.current_screen().is_complete)
    QCoreApplication.sendPostedEvents()  # Qt shows the widgets added to a visible screen at its next turn
    return accessible_tree(window)


def journey(patient) -> list[str]:
    """Start, a cause, a treatment card: the taps of a usual visit."""
    patient.tap("Tap to start")
    patient.tap("Hormonal")
    patient.tap("Minoxidil")
    return ["causes", "cause", "treatment"]


def test_titles_are_headings_of_level_1_and_section_titles_of_level_2(window, patient, qtbot):
    journey(patient)
    tree = complete(qtbot, window)
    card = window.content.treatment(window.navigator.current.argument)
    headings = [(node.name, node.level) for node in tree if node.is_heading]
    assert headings[0] == (card.name, 1)
    assert [level for _, level in headings[1:]] == [2] * (len(headings) - 1)
    for title in ("Key points", "How good is the evidence?", "Get help now if…", "What it is", "Side effects",
                  "Questions to ask your doctor"):  # fmt: skip
        assert (title, 2) in headings, f"{title!r} is not a heading of level 2: {headings}"
    # a painted section is a section holding its heading and then its text
    panel = next(p for p in window.current_screen().findChildren(TextPanel) if p.parts()[0] == "What it is")
    section = QAccessible.queryAccessibleInterface(panel)
    assert section.role() == Role.Section and section.text(QAccessible.Text.Name) == ""
    assert [section.child(i).role() for i in range(section.childCount())] == [Role.Heading, Role.StaticText]
    text = section.child(1)
    assert text.text(QAccessible.Text.Name) == card.what_it_is
    assert text.rect().height() > 0 and section.rect().contains(text.rect())


def test_after_each_tap_focus_is_on_the_new_screens_title(window, patient, qtbot):
    for tap, screen in (("Tap to start", "causes"), ("Hormonal", "cause"), ("Minoxidil", "treatment")):
        patient.tap(tap)
        assert window.navigator.current.screen == screen
        focused = [node for node in accessible_tree(window) if node.focused]
        assert len(focused) == 1, [(node.role, node.name) for node in focused]
        assert focused[0].is_heading and focused[0].level == 1
        assert focused[0].name == window.current_screen().heading().text()
    window.frame.back_button.click()
    focused = [node for node in accessible_tree(window) if node.focused]
    assert [(node.name, node.level) for node in focused] == [(window.current_screen().heading().text(), 1)]


def test_a_screen_reader_press_on_another_language_leaves_focus_on_the_title_in_that_language(window, patient, qtbot):
    """A screen reader presses a button without moving focus to it (AT-SPI's Press is a click): the screen is
    built again in Spanish, and focus must land on its new title, not on whatever header button comes next."""
    patient.tap("Tap to start")
    english_title = window.current_screen().heading().text()
    window.frame.access_bar.language_buttons["es"].click()
    focused = [node for node in accessible_tree(window) if node.focused]
    title = window.current_screen().heading()
    assert title.text() != english_title
    assert [(node.name, node.level) for node in focused] == [(title.text(), 1)]


class FocusHeard(QObject):
    """The name of every widget that takes focus, in order: what a screen reader follows and says."""

    def __init__(self):
        super().__init__()
        self.names: list[str] = []

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            self.names.append(QAccessible.queryAccessibleInterface(watched).text(QAccessible.Text.Name))
        return False


def test_a_change_of_look_moves_focus_straight_to_the_new_title(window, patient, qtbot):
    """The screen is built again: focus must not be passed from button to button while the old one is taken
    down (each would be said), only land on the new title."""
    patient.tap("Tap to start")
    patient.tap("Hormonal")
    heard = FocusHeard()
    QApplication.instance().installEventFilter(heard)
    try:
        window.frame.access_bar.contrast_button.click()
    finally:
        QApplication.instance().removeEventFilter(heard)
    assert heard.names == [window.current_screen().heading().text()]


@pytest.mark.parametrize("route", [Route("start"), Route("causes"), Route("cause", "hormonal"),
                                   Route("treatment", "minoxidil-topical"), Route("red_flags"), Route("compare"),
                                   Route("glossary"), Route("pictures")])  # fmt: skip
def test_every_control_is_named_and_no_name_is_said_twice(window, qtbot, route):
    window.navigator.go(route)
    tree = complete(qtbot, window)
    unnamed = [node for node in tree if node.role in CONTROLS and not node.name.strip()]
    assert unnamed == []
    # A name said twice: a section or button whose child repeats it.
    doubled = [(node.parent_name, node.name) for node in tree if node.name and node.name == node.parent_name]
    assert doubled == []
    # Headings with levels, one title (level 1) first; a heading may repeat only under another heading above it.
    headings = [(node.level, node.name) for node in tree if node.is_heading]
    assert headings[0][0] == 1 and [level for level, _ in headings].count(1) == 1, headings
    path: dict[int, str] = {}
    paths = []
    for level, name in headings:
        assert level in (1, 2, 3), (level, name)
        path = {above: title for above, title in path.items() if above < level} | {level: name}
        paths.append(tuple(sorted(path.items())))
    assert len(paths) == len(set(paths)), "a heading said twice under the same heading"


def test_only_the_screen_on_show_is_in_the_tree(window, patient, qtbot):
    journey(patient)
    tree = complete(qtbot, window)
    assert [node.name for node in tree if node.invisible] == []
    assert len([node for node in tree if node.role == Role.LayeredPane]) == 1
    stack = QAccessible.queryAccessibleInterface(window.frame.stack)
    assert window.frame.stack.count() >= 4  # Back keeps the screens behind this one built
    assert stack.childCount() == 1 and stack.child(0).object() is window.current_screen()
    assert len(tree) < MOST_OBJECTS
    names = {node.name for node in tree}
    assert "What might be causing it?" not in names and "Worried about hair loss?" not in names
    assert "Back" in names and "Text size" in names  # the frame is there, around the screen


def test_no_toggle_changes_its_name_and_each_shows_its_state(window, patient, qtbot):
    journey(patient)
    complete(qtbot, window)
    toggles = [b for b in window.findChildren(QAbstractButton) if b.isCheckable() and b.isVisibleTo(window)]
    assert {b.accessibleName() for b in toggles} >= {"High contrast", "Read aloud", "Add to my questions"}
    toggles.sort(key=window.frame.access_bar.isAncestorOf)  # High contrast builds the screen again: last
    for button in toggles:
        interface = QAccessible.queryAccessibleInterface(button)
        name, was = interface.text(QAccessible.Text.Name), interface.state().checked
        assert interface.state().checkable
        button.click()
        interface = QAccessible.queryAccessibleInterface(button)
        assert interface.text(QAccessible.Text.Name) == name, f"{name!r} renamed itself when pressed"
        assert bool(interface.state().checked) != bool(was)


def test_the_idle_prompt_is_an_alert_that_takes_focus_and_says_its_countdown(window, patient, qtbot):
    KeysOnly(qtbot, window)
    patient.tap("Tap to start")
    said: list[str] = []
    announcer.said.connect(said.append)
    try:
        window.settings = replace(window.settings, idle_timeout_seconds=1, idle_warning_seconds=15)
        window.idle.restart()
        overlay = window.idle.overlay
        qtbot.waitUntil(overlay.isVisible, timeout=3000)
        alert = [node for node in accessible_tree(window) if node.role == Role.AlertMessage]
        assert [node.name for node in alert] == ["Are you still there?"]
        assert "go back to the start. Seconds left: 15." in alert[0].description
        assert said == ["Are you still there? To keep your visit private, this screen will go back to the start. "
                        "Seconds left: 15."]  # fmt: skip
        focused = [node for node in accessible_tree(window) if node.focused]
        assert [(node.role, node.name) for node in focused] == [(Role.AlertMessage, "Are you still there?")]
        for seconds in range(14, 0, -1):  # the countdown, a second at a time
            overlay.show_countdown(seconds)
        assert said[1:] == ["Seconds left: 10.", "Seconds left: 5."]  # a few times, not every second
    finally:
        announcer.said.disconnect(said.append)
