"""The shared frame: doctor guidance on every screen, Back and Home everywhere but the start, Home resets."""

import pytest

from kiosk.content.settings import save_setting
from kiosk.storage.rows import Content
from kiosk.ui.navigator import Route
from kiosk.ui.screens.registry import all_routes


def test_every_screen_shows_the_doctor_guidance_and_back_and_home_except_start(window, patient):
    guidance = window.library.settings().doctor_guidance
    for route in all_routes(window.content):
        window.navigator.home()
        window.navigator.go(route)
        seen = patient.reads()
        assert guidance in seen, route
        has_navigation = "Back" in seen and "Home" in seen
        assert has_navigation == (route.screen != "start"), route


def test_guidance_never_scrolls_out_of_view(window, patient, qtbot):
    card = max(window.content.treatments, key=lambda t: len(t.what_it_is) + len(t.side_effects))
    window.navigator.go(Route("treatment", card.id))
    screen = window.current_screen()
    bar = screen.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    guidance = window.frame.guidance_bar
    top_left = guidance.mapTo(window, guidance.rect().topLeft())
    assert guidance.isVisible()
    assert 0 <= top_left.y() and top_left.y() + guidance.height() <= window.height()
    assert not screen.isAncestorOf(guidance)


def test_staff_changed_guidance_shows_on_every_screen(window, patient):
    save_setting(window.library.conn, "doctor_guidance", "Please ask Dr Amara at the front desk.")
    window.apply_settings()
    patient.tap("Tap to start")
    assert patient.sees("Please ask Dr Amara at the front desk.")


def test_home_returns_to_start_with_history_and_scroll_reset(window, patient, qtbot):
    patient.tap("Tap to start")
    patient.tap("All treatments")
    screen = window.current_screen()
    bar = screen.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    patient.tap("Home")
    assert window.navigator.history == (Route("start"),)
    assert patient.sees("Worried about hair loss?")
    assert bar.value() == 0
    patient.tap("Tap to start")
    patient.tap("All treatments")
    assert window.current_screen().scroll.verticalScrollBar().value() == 0


def test_back_retraces_the_path(window, patient):
    group = window.content.cause_groups[0]
    patient.tap("Tap to start")
    patient.tap(group.title)
    patient.tap("Back")
    assert window.navigator.current == Route("causes")
    patient.tap("Back")
    assert window.navigator.current == Route("start")


@pytest.mark.parametrize("markup", ["<b>bold</b> <a href='x'>link</a>", "<img src='/etc/passwd'>"])
def test_database_text_is_shown_as_plain_text(window, patient, markup):
    from dataclasses import replace

    from kiosk.storage.content_tables import replace_content

    content = window.content
    first = replace(content.treatments[0], summary=markup)
    replace_content(window.library.conn, Content((first, *content.treatments[1:]), *_rest(content)))
    window.reload_content()
    window.navigator.go(Route("treatment", first.id))
    assert markup in patient.reads()


def _rest(content: Content):
    return content.cause_groups, content.red_flags, content.glossary
