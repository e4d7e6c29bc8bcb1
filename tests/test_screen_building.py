"""Screens answer a tap at once: the first view is built first, the rest follows on its own; screens built
for each text size are kept, within a limit, and the ones patients return to are kept longest."""

from collections import Counter

import pytest
from conftest import Patient, wait_until_complete
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kiosk.app import build_window
from kiosk.ui.navigator import KEEP_BUILT, Route
from kiosk.ui.screens.registry import all_routes
from kiosk.ui.widgets import CardButton, ResponsiveColumns


def visible_labels(window) -> list[str]:
    return [label.text() for label in window.current_screen().findChildren(QLabel) if label.isVisibleTo(window)]


def heading_size(screen) -> int:
    heading = next(label for label in screen.findChildren(QLabel) if label.objectName() == "Heading")
    return heading.fontInfo().pixelSize()


def test_a_long_screen_shows_its_top_at_once_and_the_rest_follows_without_another_tap(window, patient, qtbot):
    glossary = window.content.glossary
    window.navigator.drop_built_screens(keep=window.navigator.current)
    qtbot.mouseClick(patient.button("Words explained"), Qt.MouseButton.LeftButton)
    screen = window.current_screen()
    assert window.navigator.current == Route("glossary")
    assert not screen.is_complete(), "the whole glossary was built before the first frame"
    built_at_once = visible_labels(window) + [label.text() for label in screen.findChildren(QLabel)]
    assert "Words explained" in built_at_once and glossary[0].term in built_at_once
    assert glossary[-1].term not in built_at_once

    wait_until_complete(qtbot, window)
    assert glossary[-1].term in visible_labels(window)


def test_back_to_a_place_far_down_a_screen_built_again_scrolls_there(window, patient, qtbot):
    last_term = window.content.glossary[-1].term
    patient.tap("Words explained")
    wait_until_complete(qtbot, window)
    bar = window.current_screen().scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    bottom = bar.value()
    window.navigator.go(Route("red_flags"))
    window.navigator.drop_built_screens(keep=window.navigator.current)
    patient.tap("Back")
    screen = window.current_screen()
    assert screen.scroll_position() < bottom, "the glossary was kept: nothing to build again"
    qtbot.waitUntil(lambda: screen.scroll_position() == bottom)
    assert patient.sees(last_term)


def test_text_size_switches_back_to_the_same_screen_at_the_same_place(window, patient, qtbot):
    card = window.content.treatments[0]
    patient.tap("Tap to start")
    patient.tap("All treatments")
    patient.tap(f"{card.name}, {card.evidence.words}")
    wait_until_complete(qtbot, window)
    normal_screen = window.current_screen()
    bar = normal_screen.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)

    qtbot.mouseClick(patient.button("Larger text"), Qt.MouseButton.LeftButton)
    large_screen = window.current_screen()
    assert large_screen is not normal_screen
    large_bar = large_screen.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: large_bar.value() > 0)
    assert abs(large_bar.value() / large_bar.maximum() - 0.5) < 0.05
    assert (
        large_screen.findChildren(QLabel)[0].fontInfo().pixelSize()
        > normal_screen.findChildren(QLabel)[0].fontInfo().pixelSize()
    )

    qtbot.mouseClick(patient.button("Normal text"), Qt.MouseButton.LeftButton)
    assert window.current_screen() is normal_screen, "the screen built for normal text was built again"
    qtbot.waitUntil(lambda: abs(bar.value() - bar.maximum() // 2) <= 0.05 * bar.maximum())


def test_at_most_keep_built_screens_stay_built_and_cards_go_before_causes_and_the_other_size_of_this_one(
    window, patient, qtbot
):
    routes = all_routes(window.content)
    for large in (False, True):
        window.frame.set_larger_text(large)
        for route in routes:
            window.navigator.go(route)
    card = Route("treatment", window.content.treatments[0].id)
    window.navigator.go(card)
    window.frame.set_larger_text(False)
    for route in routes:  # built ahead while the patient reads the card
        window.navigator.screen(route)
    kept = window.navigator.built_routes()
    assert len(kept) <= KEEP_BUILT < 2 * len(routes)
    assert (True, card) in kept, "the card on show, in the other text size, was dropped"
    for group in window.content.cause_groups:
        assert (True, Route("cause", group.id)) in kept
        assert (False, Route("cause", group.id)) in kept


def test_the_screen_on_show_is_ready_in_larger_text_before_the_patient_asks(window, patient, qtbot):
    card = window.content.treatments[2]
    patient.tap("Tap to start")
    patient.tap("All treatments")
    patient.tap(f"{card.name}, {card.evidence.words}")
    qtbot.waitUntil(lambda: not window.navigator.needs_building(Route("treatment", card.id), look=True))

    qtbot.mouseClick(patient.button("Larger text"), Qt.MouseButton.LeftButton)
    assert window.current_screen().is_complete(), "the larger-text card was built only when asked for"
    assert patient.sees(card.name)


@pytest.fixture
def patient_at_many_cards(qtbot, db_path):
    """A patient past the start screen of a kiosk with 75 cards (a clinic that added many of its own)."""
    from bench.cards import fill_database, generated_content

    fill_database(db_path, generated_content(75))
    kiosk = build_window(db_path)
    qtbot.addWidget(kiosk)
    kiosk.resize(1920, 1080)
    qtbot.waitExposed(kiosk)
    patient = Patient(qtbot, kiosk)
    patient.tap("Tap to start")
    yield patient
    kiosk.close()
    kiosk.library.close()


def test_a_long_list_of_treatments_comes_a_page_at_a_time(patient_at_many_cards, qtbot):
    patient = patient_at_many_cards
    window = patient.window
    patient.tap("All treatments")
    wait_until_complete(qtbot, window)
    assert len(card_buttons(window)) == 30
    patient.tap("Show 30 more treatments (45 not shown yet)")
    wait_until_complete(qtbot, window)
    assert len(card_buttons(window)) == 60
    patient.tap("Show 15 more treatments (15 not shown yet)")
    wait_until_complete(qtbot, window)
    assert [b.accessibleName() for b in card_buttons(window)][-1].startswith(window.content.treatments[-1].name)
    assert len(card_buttons(window)) == 75
    assert not patient.sees("more treatments")


def test_compare_shows_twelve_cards_per_level_until_asked_for_more(patient_at_many_cards, qtbot):
    patient = patient_at_many_cards
    window = patient.window
    patient.tap("What actually works? Compare treatments")
    wait_until_complete(qtbot, window)
    levels = Counter(card.evidence for card in window.content.treatments)
    for shown in (12, 24, 36):
        assert len(card_buttons(window)) == sum(min(shown, count) for count in levels.values())
        if shown >= max(levels.values()):
            break
        patient.tap("Show more treatments")
        wait_until_complete(qtbot, window)
    assert len(card_buttons(window)) == 75
    assert not patient.sees("Show more")


def card_buttons(window) -> list[CardButton]:
    return [b for b in window.current_screen().findChildren(CardButton) if b.isVisibleTo(window)]


def test_in_portrait_a_card_keeps_its_columns_while_the_rest_is_built(window, qtbot):
    window.resize(1080, 1920)
    qtbot.waitUntil(lambda: window.current_screen().width() == 1080)
    window.navigator.go(Route("treatment", window.content.treatments[1].id))
    screen = window.current_screen()
    seen = set()

    def complete_and_laid_out() -> bool:
        seen.update(columns.column_count() for columns in screen.findChildren(ResponsiveColumns))
        return screen.is_complete() and screen.scroll.verticalScrollBar().maximum() > 0

    qtbot.waitUntil(complete_and_laid_out)
    assert seen == {1}, "the card's sections jumped between one column and two while it was built"
